package id.go.imigrasi.mpaspor.account.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.RefreshToken;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    public Uni<RefreshToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    public Uni<Integer> revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    /**
     * The sessions of the account, other than {@code keepFamily} (may be null), that are not revoked and issued a
     * token since {@code since}: the ones that may still hold a live access token.
     */
    public Uni<List<UUID>> liveFamilies(UUID accountId, UUID keepFamily, Instant since) {
        return getSession().chain(s -> s.createSelectionQuery(
                "select distinct r.familyId from RefreshToken r where r.accountId = :account and r.revokedAt is null "
                        + "and r.issuedAt > :since", UUID.class)
                .setParameter("account", accountId).setParameter("since", since).getResultList())
                .map(ids -> ids.stream().filter(id -> !id.equals(keepFamily)).toList());
    }

    /** Revokes every session of the account except {@code keepFamily} (may be null: all). */
    public Uni<Integer> revokeAllExcept(UUID accountId, UUID keepFamily, Instant now) {
        if (keepFamily == null) {
            return update("revokedAt = ?1 where accountId = ?2 and revokedAt is null", now, accountId);
        }
        return update("revokedAt = ?1 where accountId = ?2 and familyId <> ?3 and revokedAt is null", now, accountId,
                keepFamily);
    }
}
