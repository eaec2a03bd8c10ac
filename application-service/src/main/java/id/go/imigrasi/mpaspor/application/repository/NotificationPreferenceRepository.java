package id.go.imigrasi.mpaspor.application.repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The holders' notification preferences as account-service last published them ({@code notification_preference}):
 * written only by a newer event than the one kept, read when a step notifies the holder.
 */
@ApplicationScoped
public class NotificationPreferenceRepository {

    /** One holder's preferences: the channels ({@code EMAIL}, {@code SMS}, {@code WHATSAPP}) and where texts go. */
    public record Preference(List<String> channels, String verifiedPhone, String language) {

        /** E-mail only, in Bahasa Indonesia: a holder account-service has told us nothing about. */
        public static final Preference DEFAULT = new Preference(List.of("EMAIL"), null, "id");

        public boolean email() {
            return channels.contains("EMAIL");
        }
    }

    private static final String UPSERT = "INSERT INTO notification_preference"
            + " (account_id, email, verified_phone, channels, language, changed_at)"
            + " VALUES (:account, :email, :phone, :channels, :language, :at)"
            + " ON CONFLICT (account_id) DO UPDATE SET email = EXCLUDED.email, verified_phone = EXCLUDED.verified_phone,"
            + " channels = EXCLUDED.channels, language = EXCLUDED.language, changed_at = EXCLUDED.changed_at"
            + " WHERE notification_preference.changed_at < EXCLUDED.changed_at";
    private static final String FIND = "SELECT channels, verified_phone, language FROM notification_preference"
            + " WHERE account_id = :account";

    /** Keeps the event's preferences unless a newer one is kept already; in the caller's transaction. */
    public Uni<Void> record(UUID account, String email, String verifiedPhone, List<String> channels, String language,
            Instant changedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("account", account).setParameter("email", email)
                .setParameter("phone", verifiedPhone).setParameter("channels", String.join(",", channels))
                .setParameter("language", language).setParameter("at", changedAt)
                .executeUpdate()).replaceWithVoid();
    }

    /** The holder's preferences, or {@link Preference#DEFAULT}. */
    public Uni<Preference> of(UUID account) {
        return Panache.getSession().chain(session -> session.<Object[]>createNativeQuery(FIND)
                .setParameter("account", account).getResultList())
                .map(rows -> rows.stream().findFirst().map(NotificationPreferenceRepository::preference)
                        .orElse(Preference.DEFAULT));
    }

    private static Preference preference(Object[] row) {
        return new Preference(Arrays.asList(String.valueOf(row[0]).split(",")),
                (String) Optional.ofNullable(row[1]).orElse(null), String.valueOf(row[2]));
    }
}
