package id.go.imigrasi.mpaspor.application.upload.validation;

import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.upload.repository.UploadRepository;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentAccepted;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentRejected;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentUploaded;
import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Validates a completed upload (inside the inbox transaction of its DocumentUploaded): inspects the stored bytes
 * on a worker thread, records the verdict on the upload and publishes DocumentAccepted or DocumentRejected (with
 * the reason in Bahasa Indonesia and English) through the outbox, in the same transaction.
 */
@ApplicationScoped
public class DocumentValidation {

    private static final Logger LOG = Logger.getLogger(DocumentValidation.class);

    private final UploadRepository uploads;
    private final UploadStore store;
    private final DocumentInspector inspector;
    private final Outbox outbox;
    private final Messages messages;

    public DocumentValidation(UploadRepository uploads, UploadStore store, DocumentInspector inspector,
            Outbox outbox, Messages messages) {
        this.uploads = uploads;
        this.store = store;
        this.inspector = inspector;
        this.outbox = outbox;
        this.messages = messages;
    }

    public Uni<Void> onUploaded(DocumentUploaded event) {
        UUID id = UUID.fromString(event.uploadId());
        return uploads.findById(id).chain(upload -> {
            if (upload == null || upload.validation != null) {
                LOG.debugf("upload %s is gone or already judged; nothing to validate", event.uploadId());
                return Uni.createFrom().voidItem();
            }
            return VertxContextSupport.executeBlocking(() -> {
                try (InputStream content = store.open(event.storageKey())) {
                    return inspector.inspect(content, event.size());
                }
            }).chain(verdict -> publish(event, verdict));
        });
    }

    private Uni<Void> publish(DocumentUploaded event, Verdict verdict) {
        Instant now = Instant.now();
        UUID id = UUID.fromString(event.uploadId());
        if (verdict.accepted()) {
            return uploads.recordValidation(id, "ACCEPTED", null, verdict.contentType(), now)
                    .chain(() -> outbox.append(new DocumentAccepted(event.uploadId(), event.applicationId(),
                            event.applicantId(), event.documentType(), verdict.contentType(), now)))
                    .replaceWithVoid();
        }
        String key = "upload.rejected." + verdict.reasonCode();
        Object[] args = verdict.reasonArgs().toArray();
        return uploads.recordValidation(id, "REJECTED", verdict.reasonCode(), verdict.contentType(), now)
                .chain(() -> outbox.append(new DocumentRejected(event.uploadId(), event.applicationId(),
                        event.applicantId(), event.documentType(), verdict.reasonCode(),
                        messages.get(Messages.INDONESIAN, key, args), messages.get(Locale.ENGLISH, key, args), now)))
                .replaceWithVoid();
    }
}
