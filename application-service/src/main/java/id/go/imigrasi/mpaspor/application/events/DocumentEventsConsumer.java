package id.go.imigrasi.mpaspor.application.events;

import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.details;
import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.none;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.domain.ApplicantDocument;
import id.go.imigrasi.mpaspor.application.domain.DocumentState;
import id.go.imigrasi.mpaspor.application.domain.DocumentType;
import id.go.imigrasi.mpaspor.application.mail.ApplicantMails;
import id.go.imigrasi.mpaspor.application.repository.ApplicantDocumentRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.service.ApplicationFollower;
import id.go.imigrasi.mpaspor.application.service.ApplicationFollower.Step;
import id.go.imigrasi.mpaspor.contracts.application.DocumentAccepted;
import id.go.imigrasi.mpaspor.contracts.application.DocumentRejected;
import id.go.imigrasi.mpaspor.contracts.application.DocumentUploaded;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * Our own document events on application.events (published by the upload side) become the per-applicant
 * document states: UPLOADED (being validated), then ACCEPTED or REJECTED with the reason. A newer upload of the
 * same applicant and document type replaces the older one (by {@code uploadedAt}); the verdict on a superseded
 * upload is ignored.
 */
@ApplicationScoped
public class DocumentEventsConsumer {

    public static final String CONSUMER = "application-documents";
    private static final Logger LOG = Logger.getLogger(DocumentEventsConsumer.class);

    private final Inbox inbox;
    private final ApplicantRepository applicants;
    private final ApplicantDocumentRepository documents;
    private final ApplicationFollower follower;
    private final ApplicantMails mails;

    public DocumentEventsConsumer(Inbox inbox, ApplicantRepository applicants, ApplicantDocumentRepository documents,
            ApplicationFollower follower, ApplicantMails mails) {
        this.inbox = inbox;
        this.applicants = applicants;
        this.documents = documents;
        this.follower = follower;
        this.mails = mails;
    }

    @Incoming("application-documents")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers(EventMeta.of(message)));
    }

    EventHandlers handlers(EventMeta meta) {
        return EventHandlers.builder()
                .on(DocumentUploaded.class, e -> uploaded(meta, e))
                .on(DocumentAccepted.class, e -> verdict(meta, e.uploadId(), e.applicationId(), DocumentState.ACCEPTED,
                        e.acceptedAt(), null, null, null))
                .on(DocumentRejected.class, e -> verdict(meta, e.uploadId(), e.applicationId(), DocumentState.REJECTED,
                        e.rejectedAt(), e.reasonCode(), e.reasonId(), e.reasonEn()))
                .build();
    }

    private Uni<Void> uploaded(EventMeta meta, DocumentUploaded e) {
        UUID applicantId = uuid(e.applicantId());
        if (applicantId == null || !DocumentType.isKnown(e.documentType())) {
            LOG.warnf("DocumentUploaded %s names applicant '%s' / type '%s': ignored", e.uploadId(), e.applicantId(),
                    e.documentType());
            return none();
        }
        return applicants.findById(applicantId).chain(a -> {
            if (a == null || !a.applicationId.toString().equals(e.applicationId())) {
                LOG.infof("DocumentUploaded %s for an applicant we do not have: ignored", e.uploadId());
                return none();
            }
            Instant at = meta.or(e.uploadedAt());
            return documents.recordUpload(a.id, e.documentType(), e.uploadId(), at).chain(current -> current == 0
                    ? none()
                    : follower.step(meta, e.applicationId(), "DOCUMENT_UPLOADED", null, at, "applicantId", a.id,
                            "documentType", e.documentType()));
        });
    }

    private Uni<Void> verdict(EventMeta meta, String uploadId, String applicationId, DocumentState state, Instant at,
            String reasonCode, String reasonId, String reasonEn) {
        return documents.current(uploadId).chain(doc -> {
            if (doc == null) {
                LOG.debugf("verdict on superseded or unknown upload %s ignored", uploadId);
                return none();
            }
            apply(doc, state, reasonCode, reasonId, reasonEn);
            String kind = state == DocumentState.ACCEPTED ? "DOCUMENT_ACCEPTED" : "DOCUMENT_REJECTED";
            return follower.apply(meta, applicationId, new Step(kind, null, meta.or(at),
                    details("applicantId", doc.applicantId, "documentType", doc.documentType, "reasonCode", reasonCode,
                            "reasonId", reasonId, "reasonEn", reasonEn),
                    app -> state == DocumentState.REJECTED
                            ? mails.queue(app, ApplicantMails.Kind.DOCUMENT_REJECTED, doc.documentType,
                                    String.valueOf(reasonId), String.valueOf(reasonEn))
                            : none()));
        });
    }

    private static void apply(ApplicantDocument doc, DocumentState state, String code, String reasonId,
            String reasonEn) {
        doc.state = state;
        doc.reasonCode = code;
        doc.reasonId = reasonId;
        doc.reasonEn = reasonEn;
        doc.updatedAt = Instant.now();
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
