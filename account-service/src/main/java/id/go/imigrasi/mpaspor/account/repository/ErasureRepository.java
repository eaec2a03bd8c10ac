package id.go.imigrasi.mpaspor.account.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** {@code account_erasure} and {@code account_erasure_confirmation} (V93), in the caller's session or transaction. */
@ApplicationScoped
public class ErasureRepository {

    /** One request with the services' confirmations so far. */
    public record Row(UUID id, UUID accountId, Instant requestedAt, String outcome, Instant decidedAt,
            String inProgress, List<Confirmation> confirmations) {
    }

    public record Confirmation(String service, Instant erasedAt, String removed) {
    }

    public Uni<Integer> insert(UUID id, UUID accountId, Instant requestedAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO account_erasure (id, account_id, requested_at) VALUES (:id, :account, :at)")
                .setParameter("id", id).setParameter("account", accountId).setParameter("at", requestedAt)
                .executeUpdate());
    }

    /** Decides the waiting request of the account; 0 when none was waiting (a redelivery, or a request never made). */
    public Uni<Integer> decide(UUID accountId, String outcome, Instant at, String inProgress) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE account_erasure SET outcome = :outcome,"
                + " decided_at = :at, in_progress = :inProgress WHERE account_id = :account AND outcome IS NULL")
                .setParameter("outcome", outcome).setParameter("at", at).setParameter("inProgress", inProgress)
                .setParameter("account", accountId).executeUpdate());
    }

    public Uni<Integer> confirm(UUID accountId, String service, Instant erasedAt, String removed, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO account_erasure_confirmation"
                + " (account_id, service, erased_at, removed, received_at) VALUES (:account, :service, :erasedAt,"
                + " :removed, :now) ON CONFLICT DO NOTHING").setParameter("account", accountId)
                .setParameter("service", service).setParameter("erasedAt", erasedAt).setParameter("removed", removed)
                .setParameter("now", now).executeUpdate());
    }

    /** The latest requests first, with their confirmations. */
    public Uni<List<Row>> latest(int limit) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT e.id, e.account_id,"
                + " e.requested_at, e.outcome, e.decided_at, e.in_progress, c.service, c.erased_at, c.removed"
                + " FROM (SELECT * FROM account_erasure ORDER BY requested_at DESC LIMIT :limit) e"
                + " LEFT JOIN account_erasure_confirmation c ON c.account_id = e.account_id AND e.outcome = 'ERASED'"
                + " ORDER BY e.requested_at DESC, c.service", Object[].class).setParameter("limit", limit)
                .getResultList()).map(ErasureRepository::rows);
    }

    private static List<Row> rows(List<Object[]> result) {
        java.util.Map<UUID, Row> byId = new java.util.LinkedHashMap<>();
        for (Object[] r : result) {
            UUID id = (UUID) r[0];
            Row row = byId.computeIfAbsent(id, k -> new Row(id, (UUID) r[1], instant(r[2]), (String) r[3],
                    instant(r[4]), (String) r[5], new java.util.ArrayList<>()));
            if (r[6] != null) {
                row.confirmations().add(new Confirmation((String) r[6], instant(r[7]), (String) r[8]));
            }
        }
        return List.copyOf(byId.values());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }
}
