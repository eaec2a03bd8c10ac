package id.go.imigrasi.mpaspor.account.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * {@code privacy_audit} (V95), append-only: each exercise of a person's rights, written in the transaction of the step
 * it records.
 */
@ApplicationScoped
public class PrivacyAuditRepository {

    public enum Action {
        ERASURE_REQUESTED, ERASURE_REFUSED, ACCOUNT_ERASED, EXPORT_REQUESTED, EXPORT_READY, EXPORT_DOWNLOADED,
        EXPORTS_EXPIRED
    }

    /** One entry: when, whose account, what, by whom, and why or what exactly. */
    public record Entry(Instant at, String accountId, String action, String actor, String detail) {
    }

    public Uni<Void> record(UUID accountId, Action action, String actor, String detail, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO privacy_audit (at, account_id, action,"
                + " actor, detail) VALUES (:at, :account, :action, :actor, :detail)").setParameter("at", at)
                .setParameter("account", accountId).setParameter("action", action.name()).setParameter("actor", actor)
                .setParameter("detail", detail == null ? "" : detail).executeUpdate()).replaceWithVoid();
    }

    /** The latest entries first, of one account or all. */
    public Uni<List<Entry>> latest(UUID accountId, int limit) {
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery("SELECT at, account_id::text, action, actor, detail FROM privacy_audit"
                    + (accountId == null ? "" : " WHERE account_id = :account") + " ORDER BY id DESC LIMIT " + limit,
                    Object[].class);
            if (accountId != null) {
                q.setParameter("account", accountId);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(r -> new Entry(DataExportRepository.instant(r[0]), (String) r[1],
                (String) r[2], (String) r[3], (String) r[4])).toList());
    }
}
