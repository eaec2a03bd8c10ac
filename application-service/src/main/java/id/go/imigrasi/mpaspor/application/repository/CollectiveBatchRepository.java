package id.go.imigrasi.mpaspor.application.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.application.domain.CollectiveBatch;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Collective batches (issue 19). */
@ApplicationScoped
public class CollectiveBatchRepository implements PanacheRepositoryBase<CollectiveBatch, UUID> {

    /** The batch, locked until the end of the transaction: its members' changes take turns. */
    public Uni<CollectiveBatch> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The batch an officer registered with this Idempotency-Key, or null. */
    public Uni<CollectiveBatch> byKey(String officerId, String idempotencyKey) {
        return find("officerId = ?1 and idempotencyKey = ?2", officerId, idempotencyKey).firstResult();
    }
}
