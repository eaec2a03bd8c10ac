package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.domain.OfficeRule;
import id.go.imigrasi.mpaspor.quota.service.AdminService.ClosureScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An admin's changes to an office's quota ({@link AdminService}) with who made them: each change and its row of
 * {@code admin_audit} (when, the admin's id, the office, what, in words) commit together, in one transaction
 * ({@link AdminService}'s own joins this one). Also what the admin console lists: the audit, releases, closures.
 */
@ApplicationScoped
public class AuditedAdmin {

    @Schema(name = "QuotaAuditEntry")
    public record Entry(Instant at, String actorId, String officeCode, String action, String detail) {
    }

    public record Closure(LocalDate date, String scope, String reason) {
    }

    public record Release(String releaseId, LocalDate from, LocalDate to, Instant releaseAt, int slots,
            Instant publishedAt) {
    }

    public static final int AUDIT_MAX = 200;

    private final AdminService admin;
    private final Clock clock;

    public AuditedAdmin(AdminService admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<List<OfficeRule>> replaceRules(String officeCode, List<OfficeRule> rules, String actor) {
        return admin.replaceRules(officeCode, rules).call(saved -> record(officeCode, actor, "RULES_REPLACED",
                saved.size() + " rules: " + String.join(", ", saved.stream().map(r -> r.weekday + "/" + r.service
                        + "/" + r.slotSession + "=" + r.capacity).toList())));
    }

    @WithTransaction
    public Uni<Void> close(String officeCode, LocalDate date, ClosureScope scope, String reason, String actor) {
        return admin.close(officeCode, date, scope, reason).call(() -> record(officeCode, actor, "CLOSED",
                date + " " + scope + (reason == null ? "" : ": " + reason)));
    }

    @WithTransaction
    public Uni<Void> reopen(String officeCode, LocalDate date, ClosureScope scope, String actor) {
        return admin.reopen(officeCode, date, scope).call(() -> record(officeCode, actor, "REOPENED",
                date + " " + scope));
    }

    @WithTransaction
    public Uni<AdminService.Released> release(String officeCode, LocalDate from, LocalDate to, Instant releaseAt,
            String actor) {
        return admin.release(officeCode, from, to, releaseAt).call(r -> record(officeCode, actor, "RELEASED",
                from + ".." + to + " at " + r.release().releaseAt + ", " + r.slots() + " slots"));
    }

    @WithSession
    public Uni<List<Entry>> audit(String officeCode, int limit) {
        return admin.rules(officeCode).chain(known -> Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT at, actor_id, office_code, action, detail FROM admin_audit WHERE office_code = :office"
                        + " ORDER BY at DESC, id LIMIT :limit", Object[].class)
                .setParameter("office", officeCode).setParameter("limit", Math.max(1, Math.min(AUDIT_MAX, limit)))
                .getResultList()))
                .map(rows -> rows.stream().map(r -> new Entry(instant(r[0]), (String) r[1], (String) r[2],
                        (String) r[3], (String) r[4])).toList());
    }

    @WithSession
    public Uni<List<Closure>> closures(String officeCode, LocalDate from) {
        return admin.rules(officeCode).chain(known -> Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT date, scope, reason FROM office_closure WHERE office_code = :office AND date >= :from"
                        + " ORDER BY date, scope", Object[].class)
                .setParameter("office", officeCode).setParameter("from", from).getResultList()))
                .map(rows -> rows.stream().map(r -> new Closure(localDate(r[0]), (String) r[1], (String) r[2]))
                        .toList());
    }

    @WithSession
    public Uni<List<Release>> releases(String officeCode) {
        return admin.rules(officeCode).chain(known -> Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT id::text, from_date, to_date, release_at, slots, published_at FROM quota_release"
                        + " WHERE office_code = :office ORDER BY release_at DESC LIMIT 50", Object[].class)
                .setParameter("office", officeCode).getResultList()))
                .map(rows -> rows.stream().map(r -> new Release((String) r[0], localDate(r[1]), localDate(r[2]),
                        instant(r[3]), ((Number) r[4]).intValue(), r[5] == null ? null : instant(r[5]))).toList());
    }

    private Uni<Void> record(String officeCode, String actor, String action, String detail) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO admin_audit"
                + " (id, at, actor_id, office_code, action, detail) VALUES (:id, :at, :actor, :office, :action, :detail)")
                .setParameter("id", UUID.randomUUID()).setParameter("at", clock.instant().truncatedTo(ChronoUnit.MICROS))
                .setParameter("actor", actor == null ? "system" : actor).setParameter("office", officeCode)
                .setParameter("action", action).setParameter("detail", detail).executeUpdate()).replaceWithVoid();
    }

    private static Instant instant(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return java.time.OffsetDateTime.parse(v.toString()).toInstant();
    }

    private static LocalDate localDate(Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(v.toString());
    }
}
