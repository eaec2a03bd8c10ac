package id.go.imigrasi.mpaspor.upload.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.upload.service.DocumentDiscards;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Deletes the stored bytes of discarded documents ({@link DocumentDiscards#deleteQueuedObjects()}) every
 * {@code mpaspor.upload-service.deletion.every} ({@code off} in tests, which run it explicitly). On every instance:
 * the queue is claimed with a lease and {@code FOR UPDATE SKIP LOCKED}, so each object is deleted by one of them.
 */
@ApplicationScoped
public class QueuedDeletionJob {

    private static final Logger LOG = Logger.getLogger(QueuedDeletionJob.class);

    private final DocumentDiscards discards;

    public QueuedDeletionJob(DocumentDiscards discards) {
        this.discards = discards;
    }

    @Scheduled(identity = "upload-queued-deletion", every = "${mpaspor.upload-service.deletion.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return discards.deleteQueuedObjects()
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("%d stored documents deleted", deleted);
                    }
                })
                .onFailure().invoke(e -> LOG.error("deleting queued documents failed; the next run retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
