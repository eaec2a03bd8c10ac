package id.go.imigrasi.mpaspor.upload.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.upload.UploadDeletions;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDocumentsDiscarded;
import id.go.imigrasi.mpaspor.upload.repository.UploadTargetRepository;
import io.smallrye.mutiny.Uni;

/**
 * application-service's retention rules decide which documents go (its {@code service.Retention}); this carries out
 * ApplicationDocumentsDiscarded: in the event's inbox transaction the application's upload rows go and their stored
 * bytes are queued ({@link UploadDeletions#deleteOfApplications}); {@link #deleteQueuedObjects} (the job) then deletes
 * the bytes. A deleted draft also leaves the projection, so nothing more can be uploaded for it.
 */
@ApplicationScoped
public class DocumentDiscards {

    private static final Logger LOG = Logger.getLogger(DocumentDiscards.class);

    private final UploadDeletions deletions;
    private final UploadTargetRepository targets;

    public DocumentDiscards(UploadDeletions deletions, UploadTargetRepository targets) {
        this.deletions = deletions;
        this.targets = targets;
    }

    public Uni<Void> discarded(ApplicationDocumentsDiscarded e) {
        UUID application = UUID.fromString(e.applicationId());
        return deletions.deleteOfApplications(List.of(application)).chain(uploads -> {
            LOG.infof("application %s: %d uploads discarded (%s)", application, uploads, e.reason());
            return ApplicationDocumentsDiscarded.DRAFT_DELETED.equals(e.reason())
                    ? targets.forget(e.applicationId()).replaceWithVoid()
                    : Uni.createFrom().voidItem();
        });
    }

    /** Outside any transaction: the queued bytes of discarded documents leave the store. */
    public Uni<Integer> deleteQueuedObjects() {
        return deletions.deleteQueuedObjects();
    }
}
