package id.go.imigrasi.mpaspor.quota.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.domain.ReleaseSubscription;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReleaseSubscriptionRepository implements PanacheRepositoryBase<ReleaseSubscription, UUID> {

    /**
     * One statement, so two copies of the same request at once still make one row (the primary key is account and
     * office): a new row, or the existing one with the address and language of this request. True when it is new.
     */
    private static final String UPSERT = "INSERT INTO release_subscription"
            + " (id, account_id, office_code, email, language, unsubscribe_token, created_at)"
            + " VALUES (:id, :account, :office, :email, :language, :token, :at)"
            + " ON CONFLICT (account_id, office_code) DO UPDATE SET email = EXCLUDED.email, language = EXCLUDED.language"
            + " RETURNING xmax = 0";

    public Uni<Boolean> upsert(String account, String office, String email, String language, Instant at) {
        return Panache.getSession().chain(s -> s.<Boolean>createNativeQuery(UPSERT, Boolean.class)
                .setParameter("id", UUID.randomUUID()).setParameter("account", account).setParameter("office", office)
                .setParameter("email", email).setParameter("language", language)
                .setParameter("token", UUID.randomUUID()).setParameter("at", at)
                .getSingleResult());
    }

    public Uni<ReleaseSubscription> of(String account, String office) {
        return find("accountId = ?1 and officeCode = ?2", account, office).firstResult();
    }

    /** The account's subscriptions by office code. */
    public Uni<List<ReleaseSubscription>> ofAccount(String account) {
        return list("accountId", Sort.by("officeCode"), account);
    }

    /** The office's subscribers, in a stable order (a release mails them in one transaction). */
    public Uni<List<ReleaseSubscription>> ofOffice(String office) {
        return list("officeCode", Sort.by("createdAt", "id"), office);
    }

    public Uni<Long> remove(String account, String office) {
        return delete("accountId = ?1 and officeCode = ?2", account, office);
    }

    public Uni<Long> removeByToken(UUID token) {
        return delete("unsubscribeToken", token);
    }
}
