package id.go.imigrasi.mpaspor.application.upload.service;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;
import id.go.imigrasi.mpaspor.application.upload.repository.UploadRepository;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * tus expiration: partial uploads past their {@code Upload-Expires} are removed, rows and bytes, batch by batch
 * ({@code FOR UPDATE SKIP LOCKED}, so several instances may run it at once). Complete uploads are documents and
 * never expire here.
 */
@ApplicationScoped
public class ExpiredUploadCleanup {

    private static final Logger LOG = Logger.getLogger(ExpiredUploadCleanup.class);

    private final UploadRepository uploads;
    private final UploadStore store;
    private final UploadConfig config;

    public ExpiredUploadCleanup(UploadRepository uploads, UploadStore store, UploadConfig config) {
        this.uploads = uploads;
        this.store = store;
        this.config = config;
    }

    @Scheduled(identity = "upload-expiry-cleanup", every = "${mpaspor.upload.cleanup.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return removeAllExpired()
                .onFailure().invoke(e -> LOG.error("upload cleanup failed; the next run retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Removes every partial upload expired by now; the number removed. */
    public Uni<Integer> removeAllExpired() {
        return removeBatch(0);
    }

    private Uni<Integer> removeBatch(int removedSoFar) {
        return Panache.withTransaction(() -> uploads.deleteExpired(Instant.now(), config.cleanup().batchSize()))
                .chain(keys -> deleteBytes(keys).chain(() -> keys.size() < config.cleanup().batchSize()
                        ? Uni.createFrom().item(removedSoFar + keys.size())
                        : removeBatch(removedSoFar + keys.size())));
    }

    private Uni<Void> deleteBytes(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return VertxContextSupport.executeBlocking(() -> {
            for (String key : keys) {
                try {
                    store.delete(key);
                } catch (IOException e) {
                    LOG.warnf(e, "bytes of expired upload %s could not be removed", key);
                }
            }
            LOG.infof("removed %d expired partial uploads", keys.size());
            return null;
        }).replaceWithVoid();
    }
}
