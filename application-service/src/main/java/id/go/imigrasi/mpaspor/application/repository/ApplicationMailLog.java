package id.go.imigrasi.mpaspor.application.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The application's mails as the platform's mail outbox holds them ({@code queued_mail} with {@code aggregate_id} =
 * the application, platform-mail): what was queued, when, and whether it went out. Read only; the body is never read
 * (it is erased once sent).
 */
@ApplicationScoped
public class ApplicationMailLog {

    /**
     * One queued mail or text: {@code channel} EMAIL, SMS or WHATSAPP (issue 22), {@code resent} when it is a copy
     * someone asked for, {@code deliveredAt} when the SMS/WhatsApp provider's signed receipt said it reached the phone.
     */
    public record Row(UUID id, String kind, String channel, String recipient, String subject, Instant queuedAt,
            Instant sentAt, Instant deadAt, int attempts, boolean resent, Instant deliveredAt) {
    }

    private static final String LIST = "SELECT CAST(id AS text), kind, channel, recipient, subject, created_at, sent_at,"
            + " dead_at, attempts, COALESCE(idempotency_key LIKE :resend, false), delivered_at"
            + " FROM queued_mail WHERE aggregate_id = :app"
            + " ORDER BY created_at, id LIMIT 200";

    /** The application's mails, oldest first (at most 200). */
    public Uni<List<Row>> ofApplication(UUID applicationId, String resendKeyPrefix) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LIST, Object[].class)
                .setParameter("resend", resendKeyPrefix + "%")
                .setParameter("app", applicationId.toString())
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Row(UUID.fromString((String) r[0]), (String) r[1],
                        (String) r[2], (String) r[3], (String) r[4], instant(r[5]), instant(r[6]), instant(r[7]),
                        ((Number) r[8]).intValue(), Boolean.TRUE.equals(r[9]), instant(r[10]))).toList());
    }

    /** Whether a mail of {@code kind} was ever queued for the application. */
    public Uni<Boolean> any(UUID applicationId, String kind) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT count(*) FROM queued_mail WHERE aggregate_id = :app AND kind = :kind", Long.class)
                .setParameter("app", applicationId.toString())
                .setParameter("kind", kind)
                .getSingleResult())
                .map(n -> ((Number) n).longValue() > 0);
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
        return Instant.parse(value.toString());
    }
}
