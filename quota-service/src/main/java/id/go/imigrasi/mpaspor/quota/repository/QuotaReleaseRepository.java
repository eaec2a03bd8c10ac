package id.go.imigrasi.mpaspor.quota.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.domain.QuotaRelease;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class QuotaReleaseRepository implements PanacheRepositoryBase<QuotaRelease, UUID> {

    /** Releases whose time has come and whose QuotaReleased is not yet written, locked for this transaction. */
    public Uni<List<UUID>> claimDue(int limit) {
        return Panache.getSession().chain(s -> s.<String>createNativeQuery("SELECT CAST(id AS text) FROM quota_release"
                + " WHERE published_at IS NULL AND release_at <= now() ORDER BY release_at LIMIT :limit"
                + " FOR UPDATE SKIP LOCKED", String.class)
                .setParameter("limit", limit).getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }
}
