package id.go.imigrasi.mpaspor.quota.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The projection of application-service's applicants: which NIKs are applicants of which account's applications
 * ({@code application_applicants}, {@code applicant_nik}), written by the events' consumer in the inbox's
 * transaction, and read by the hold statement ({@link SlotTaker}) and, for a refused hold, by {@link #classify}.
 */
@ApplicationScoped
public class ApplicantRepository {

    /** How quota-service sees one NIK of a hold: an applicant of the account, of another account, or unknown. */
    public record Known(String nik, boolean mine, boolean elsewhere) {
    }

    private final Pool pool;

    public ApplicantRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Replaces what is known of the application's applicants, unless a newer announcement was applied already.
     * Runs in the caller's transaction (the inbox's).
     */
    public Uni<Void> replace(String applicationId, String accountId, List<String> niks, Instant changedAt) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery("INSERT INTO application_applicants"
                + " (application_id, account_id, changed_at, received_at) VALUES (:app, :account, :changedAt, now())"
                + " ON CONFLICT (application_id) DO UPDATE SET account_id = EXCLUDED.account_id,"
                + " changed_at = EXCLUDED.changed_at, received_at = now()"
                + " WHERE application_applicants.changed_at <= EXCLUDED.changed_at RETURNING application_id")
                .setParameter("app", applicationId).setParameter("account", accountId)
                .setParameter("changedAt", changedAt).getResultList()
                .chain(applied -> applied.isEmpty() ? Uni.createFrom().voidItem()
                        : s.createNativeQuery("DELETE FROM applicant_nik WHERE application_id = :app")
                                .setParameter("app", applicationId).executeUpdate()
                                .chain(() -> niks.isEmpty() ? Uni.createFrom().item(0)
                                        : s.createNativeQuery("INSERT INTO applicant_nik (application_id, account_id,"
                                                + " nik) SELECT DISTINCT :app, :account, x.nik"
                                                + " FROM unnest(string_to_array(:niks, ',')) AS x(nik)")
                                                .setParameter("app", applicationId)
                                                .setParameter("account", accountId)
                                                .setParameter("niks", String.join(",", niks)).executeUpdate())
                                .replaceWithVoid()));
    }

    /** The application is gone (cancelled): its NIKs are no longer applicants. In the caller's transaction. */
    public Uni<Void> forget(String applicationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "DELETE FROM application_applicants WHERE application_id = :app").setParameter("app", applicationId)
                .executeUpdate()).replaceWithVoid();
    }

    /** How each NIK is known, in the order given. */
    public Uni<List<Known>> classify(String accountId, List<String> niks) {
        return pool.preparedQuery("SELECT x.nik,"
                + " EXISTS (SELECT 1 FROM applicant_nik a WHERE a.nik = x.nik AND a.account_id = $1),"
                + " EXISTS (SELECT 1 FROM applicant_nik a WHERE a.nik = x.nik AND a.account_id <> $1)"
                + " FROM unnest($2::text[]) WITH ORDINALITY AS x(nik, i) ORDER BY x.i")
                .execute(Tuple.of(accountId, niks.toArray(String[]::new)))
                .map(rows -> {
                    List<Known> known = new ArrayList<>();
                    for (Row row : rows) {
                        known.add(new Known(row.getString(0), row.getBoolean(1), row.getBoolean(2)));
                    }
                    return known;
                });
    }

    /**
     * When a hold of the account was first refused because of each of these NIKs being unknown (recorded now for
     * those refused for the first time). The earliest of them is returned.
     */
    public Uni<Instant> firstRefused(String accountId, List<String> niks, Instant now) {
        return pool.preparedQuery("INSERT INTO applicant_wait (account_id, nik, first_refused_at)"
                + " SELECT $1, x.nik, $3 FROM unnest($2::text[]) AS x(nik)"
                + " ON CONFLICT (account_id, nik) DO UPDATE SET first_refused_at = applicant_wait.first_refused_at"
                + " RETURNING first_refused_at")
                .execute(Tuple.of(accountId, niks.toArray(String[]::new), now.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Instant earliest = now;
                    for (Row row : rows) {
                        Instant at = row.getOffsetDateTime(0).toInstant();
                        earliest = at.isBefore(earliest) ? at : earliest;
                    }
                    return earliest;
                });
    }

    /** Forgets refusals older than {@code before} (the catch-up window is over for them). */
    public Uni<Integer> forgetRefusalsBefore(Instant before) {
        return pool.preparedQuery("DELETE FROM applicant_wait WHERE first_refused_at < $1")
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC))).map(rows -> rows.rowCount());
    }
}
