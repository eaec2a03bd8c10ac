package id.go.imigrasi.mpaspor.application.upload.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.upload.domain.Upload;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UploadRepository implements PanacheRepositoryBase<Upload, UUID> {

    /**
     * Advances the offset of a partial upload from {@code from} to {@code to}, only if nobody else moved it in
     * between; false otherwise.
     */
    public Uni<Boolean> advance(UUID id, long from, long to, Instant expiresAt) {
        return update("offset = ?1, expiresAt = ?2 where id = ?3 and offset = ?4 and status = 'RECEIVING'",
                to, expiresAt, id, from).map(n -> n == 1);
    }

    /** The last bytes arrived: the upload is COMPLETE, with the digest of the whole file. */
    public Uni<Boolean> complete(UUID id, long from, long length, String sha256, Instant now) {
        return update("offset = ?1, status = 'COMPLETE', sha256 = ?2, completedAt = ?3"
                + " where id = ?4 and offset = ?5 and status = 'RECEIVING'", length, sha256, now, id, from)
                .map(n -> n == 1);
    }

    /** Removes a partial upload (termination); false when it completed or disappeared meanwhile. */
    public Uni<Boolean> deleteReceiving(UUID id) {
        return delete("id = ?1 and status = 'RECEIVING'", id).map(n -> n == 1);
    }

    /**
     * Claims up to {@code limit} partial uploads past their deadline and deletes their rows, in one statement;
     * rows another run holds are skipped. Returns the storage keys whose bytes must go too.
     */
    public Uni<List<String>> deleteExpired(Instant now, int limit) {
        String sql = "DELETE FROM upload WHERE id IN (SELECT id FROM upload WHERE status = 'RECEIVING'"
                + " AND expires_at < :now ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
                + " AND status = 'RECEIVING' RETURNING storage_key";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, String.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList());
    }

    /** Records the verdict of the validation consumer. */
    public Uni<Integer> recordValidation(UUID id, String verdict, String reason, String contentType, Instant now) {
        return update("validation = ?1, rejectionReason = ?2, contentType = ?3, validatedAt = ?4 where id = ?5",
                verdict, reason, contentType, now, id);
    }
}
