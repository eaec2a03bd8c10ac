package id.go.imigrasi.mpaspor.application.upload.service;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.upload.UploadErasure;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** {@link UploadErasure} over the upload table and the configured store (filesystem or S3, encrypted or not). */
@ApplicationScoped
public class StoredUploadErasure implements UploadErasure {

    private static final String STORED = "SELECT storage_key FROM upload WHERE account_id = CAST(:account AS uuid)";
    private static final String DELETE = "DELETE FROM upload WHERE account_id = CAST(:account AS uuid)";

    private final UploadStore store;

    public StoredUploadErasure(UploadStore store) {
        this.store = store;
    }

    @Override
    public Uni<Integer> eraseAccount(String accountId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(STORED, String.class).setParameter("account", accountId).getResultList())
                .chain(this::deleteBytes)
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(DELETE)
                        .setParameter("account", accountId).executeUpdate()));
    }

    /** The documents' bytes, off the event loop, resuming on the transaction's context. */
    private Uni<Void> deleteBytes(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return OnContext.resume(Uni.createFrom().<Void>item(() -> {
            for (String key : keys) {
                try {
                    store.delete(key);
                } catch (IOException e) {
                    throw new IllegalStateException("the bytes of upload " + key + " could not be deleted", e);
                }
            }
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}
