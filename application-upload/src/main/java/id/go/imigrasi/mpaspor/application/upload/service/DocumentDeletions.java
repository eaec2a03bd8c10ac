package id.go.imigrasi.mpaspor.application.upload.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.upload.UploadDeletions;
import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Deletes documents for good (retention, issue 23), in two steps so that no upload row ever points to missing bytes
 * and no bytes are left behind:
 * <ol>
 * <li>{@link #deleteOfApplications} in the caller's transaction: the upload rows go and their storage keys are
 * queued ({@code upload_object_deletion}); a rolled-back transaction deletes and queues nothing;</li>
 * <li>{@link #deleteQueuedObjects} after commit, outside any transaction: claims queued keys with a lease
 * ({@code FOR UPDATE SKIP LOCKED}, so several instances share the queue), deletes the bytes from the store
 * (filesystem or S3, {@link UploadStore#delete}: no failure when already gone) and only then removes the keys from
 * the queue. A key whose bytes could not be deleted (store down, crash) stays queued and is taken again once its
 * lease ran out: the next run finishes the job.</li>
 * </ol>
 */
@ApplicationScoped
public class DocumentDeletions implements UploadDeletions {

    private static final Logger LOG = Logger.getLogger(DocumentDeletions.class);
    private static final String DELETE_ROWS = "WITH gone AS (DELETE FROM upload WHERE application_id IN (:ids)"
            + " RETURNING id, storage_key), queued AS (INSERT INTO upload_object_deletion (storage_key, upload_id,"
            + " queued_at) SELECT storage_key, id, :now FROM gone ON CONFLICT (storage_key) DO NOTHING)"
            + " SELECT count(*) FROM gone";
    private static final String CLAIM = "UPDATE upload_object_deletion SET lease_until = :until"
            + " WHERE storage_key IN (SELECT storage_key FROM upload_object_deletion"
            + " WHERE lease_until IS NULL OR lease_until < :now ORDER BY queued_at LIMIT :batch FOR UPDATE SKIP LOCKED)"
            + " RETURNING storage_key";
    private static final String DONE = "DELETE FROM upload_object_deletion WHERE storage_key IN (:keys)";

    private final UploadStore store;
    private final UploadConfig config;
    private final Clock clock;

    public DocumentDeletions(UploadStore store, UploadConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Inside the caller's transaction: deletes every upload (complete or partial) of these applications and queues
     * their bytes for {@link #deleteQueuedObjects}. Returns the number of uploads deleted.
     */
    @Override
    public Uni<Integer> deleteOfApplications(Collection<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "DocumentDeletions.deleteOfApplications must run inside the caller's transaction"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(DELETE_ROWS, Long.class)
                        .setParameter("ids", List.copyOf(applicationIds))
                        .setParameter("now", clock.instant())
                        .getSingleResult())
                .map(Long::intValue);
    }

    /**
     * Outside any transaction: deletes the queued bytes from the store, claim by claim, until none is due. Returns
     * the number of stored objects deleted (and removed from the queue) by this call.
     */
    @Override
    public Uni<Integer> deleteQueuedObjects() {
        return round(0);
    }

    private Uni<Integer> round(int deletedSoFar) {
        int batch = config.deletion().batch();
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(CLAIM, String.class)
                .setParameter("until", now.plus(config.deletion().lease()))
                .setParameter("now", now)
                .setParameter("batch", batch)
                .getResultList()))
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(deletedSoFar)
                        : deleteBytes(claimed).chain(this::dequeue)
                                .chain(deleted -> claimed.size() < batch ? Uni.createFrom().item(deletedSoFar + deleted)
                                        : round(deletedSoFar + deleted)));
    }

    /** The keys whose bytes are gone from the store (or were never there). */
    private Uni<List<String>> deleteBytes(List<String> keys) {
        return VertxContextSupport.executeBlocking(() -> {
            List<String> gone = new ArrayList<>(keys.size());
            for (String key : keys) {
                try {
                    store.delete(key);
                    gone.add(key);
                } catch (IOException | RuntimeException e) {
                    LOG.warnf(e, "bytes of deleted upload %s could not be removed; a later run retries", key);
                }
            }
            return gone;
        });
    }

    private Uni<Integer> dequeue(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(DONE).setParameter("keys", keys).executeUpdate()));
    }
}
