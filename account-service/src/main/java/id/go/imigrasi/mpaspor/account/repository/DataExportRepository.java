package id.go.imigrasi.mpaspor.account.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** {@code data_export} and {@code data_export_part} (V94), in the caller's session or transaction. */
@ApplicationScoped
public class DataExportRepository {

    /** An export without its content. */
    public record Row(UUID id, UUID accountId, Instant requestedAt, String status, Instant readyAt, Instant expiresAt,
            Instant downloadedAt) {
    }

    private static final String COLUMNS = "id, account_id, requested_at, status, ready_at, expires_at, downloaded_at";

    /** Inserts a PREPARING export unless one is already being prepared; true when inserted. */
    public Uni<Boolean> insert(UUID id, UUID accountId, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO data_export (id, account_id,"
                + " requested_at, status) VALUES (:id, :account, :at, 'PREPARING') ON CONFLICT DO NOTHING")
                .setParameter("id", id).setParameter("account", accountId).setParameter("at", at).executeUpdate())
                .map(n -> n == 1);
    }

    public Uni<Row> preparing(UUID accountId) {
        return rows("SELECT " + COLUMNS + " FROM data_export WHERE account_id = :account AND status = 'PREPARING'",
                Map.of("account", accountId)).map(r -> r.isEmpty() ? null : r.get(0));
    }

    public Uni<List<Row>> ofAccount(UUID accountId, int limit) {
        return rows("SELECT " + COLUMNS + " FROM data_export WHERE account_id = :account ORDER BY requested_at DESC"
                + " LIMIT " + limit, Map.of("account", accountId));
    }

    public Uni<Row> find(UUID id) {
        return rows("SELECT " + COLUMNS + " FROM data_export WHERE id = :id", Map.of("id", id))
                .map(r -> r.isEmpty() ? null : r.get(0));
    }

    /** Records a service's part once; true when it is new. */
    public Uni<Boolean> part(UUID exportId, String service, String data, Instant at) {
        // the export's row is locked first: parts arrive on five consumers at once, and two transactions that each
        // inserted their part without seeing the other's (uncommitted) would both find one missing and neither
        // assemble the export (seen in CI, 2026-12-06, with the fifth part); locked, the later one sees every part
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT id FROM data_export WHERE id = :id FOR UPDATE")
                .setParameter("id", exportId).getResultList())
                .chain(() -> Panache.getSession()).chain(s -> s.createNativeQuery("INSERT INTO data_export_part (export_id, service,"
                + " data, received_at) SELECT :id, :service, :data, :at WHERE EXISTS (SELECT 1 FROM data_export"
                + " WHERE id = :id) ON CONFLICT DO NOTHING").setParameter("id", exportId)
                .setParameter("service", service).setParameter("data", data).setParameter("at", at).executeUpdate())
                .map(n -> n == 1);
    }

    /** The parts received so far: service to its JSON. */
    public Uni<Map<String, String>> parts(UUID exportId) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT service, data FROM"
                + " data_export_part WHERE export_id = :id ORDER BY service", Object[].class).setParameter("id", exportId)
                .getResultList()).map(rows -> {
                    Map<String, String> parts = new LinkedHashMap<>();
                    rows.forEach(r -> parts.put((String) r[0], (String) r[1]));
                    return parts;
                });
    }

    /** Stores the assembled content and drops the parts; 0 when the export was not being prepared any more. */
    public Uni<Integer> ready(UUID id, String json, byte[] pdf, Instant at, Instant expiresAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE data_export SET status = 'READY',"
                + " json = :json, pdf = :pdf, ready_at = :at, expires_at = :expires WHERE id = :id"
                + " AND status = 'PREPARING'").setParameter("json", json).setParameter("pdf", pdf)
                .setParameter("at", at).setParameter("expires", expiresAt).setParameter("id", id).executeUpdate())
                .call(n -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "DELETE FROM data_export_part WHERE export_id = :id").setParameter("id", id).executeUpdate()));
    }

    /** The content of a ready export, recording the download: the JSON text or the PDF bytes. */
    public Uni<Object> content(UUID id, boolean pdf, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE data_export SET downloaded_at = :at"
                + " WHERE id = :id AND status = 'READY' RETURNING " + (pdf ? "pdf" : "json"), Object.class)
                .setParameter("at", at).setParameter("id", id).getResultList())
                .map(r -> r.isEmpty() ? null : r.get(0));
    }

    /** An export whose content was deleted at expiry. */
    public record Expired(UUID id, UUID accountId) {
    }

    /** Deletes the content of exports past their expiry; which. */
    public Uni<List<Expired>> expire(Instant now) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("UPDATE data_export SET status = 'EXPIRED',"
                + " json = NULL, pdf = NULL WHERE status = 'READY' AND expires_at <= :now RETURNING id, account_id",
                Object[].class).setParameter("now", now).getResultList())
                .map(rows -> rows.stream().map(r -> new Expired((UUID) r[0], (UUID) r[1])).toList());
    }

    private static Uni<List<Row>> rows(String sql, Map<String, Object> params) {
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery(sql, Object[].class);
            params.forEach(q::setParameter);
            return q.getResultList();
        }).map(list -> list.stream().map(r -> new Row((UUID) r[0], (UUID) r[1], instant(r[2]), (String) r[3],
                instant(r[4]), instant(r[5]), instant(r[6]))).toList());
    }

    static Instant instant(Object value) {
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
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }
}
