package id.go.imigrasi.mpaspor.quota.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    /** When the release's waiting-room window ends (holds on its dates need a pass until then), if it has a room. */
    public Uni<Optional<Instant>> waitingRoomClosesAt(UUID release) {
        return Panache.getSession().chain(s -> s.<Long>createNativeQuery("SELECT CAST(extract(epoch FROM closes_at)"
                + " * 1000 AS bigint) FROM waiting_room WHERE release_id = :release", Long.class)
                .setParameter("release", release).getResultList())
                .map(rows -> rows.stream().findFirst().map(Instant::ofEpochMilli));
    }
}
