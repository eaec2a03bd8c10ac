package id.go.imigrasi.mpaspor.biometric.repository;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The retention job's SQL (service.Retention), each statement claiming up to {@code limit} rows with
 * {@code FOR UPDATE SKIP LOCKED}, so instances running it at once take different rows and each is changed once.
 */
@ApplicationScoped
public class RetentionQueries {

    /** Closed without a passport: nothing the law needs the person's identity for. */
    static final String CLOSED_WITHOUT_PASSPORT = "('NO_SHOW', 'CANCELLED', 'UNCOLLECTED', 'REJECTED')";

    /** Anonymises appointments closed without a passport whose day is before {@code before}; how many. */
    public Uni<Integer> anonymiseAppointments(LocalDate before, Instant now, int limit) {
        String sql = "UPDATE appointment SET full_name = '', nik = '0000000000000000', collector_name = NULL,"
                + " collector_nik = NULL, family_card_number = NULL, anonymised_at = :now WHERE id IN ("
                + " SELECT id FROM appointment WHERE anonymised_at IS NULL AND status IN " + CLOSED_WITHOUT_PASSPORT
                + " AND date < :before ORDER BY date LIMIT :limit FOR UPDATE SKIP LOCKED)"
                + " AND anonymised_at IS NULL AND status IN " + CLOSED_WITHOUT_PASSPORT;
        return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter("before", before)
                .setParameter("now", now).setParameter("limit", limit).executeUpdate());
    }

    /**
     * Clears the applicants (names, NIKs, birth dates) of bookings whose day is before {@code before} and none of
     * whose appointments still holds its data (none, or all anonymised); how many.
     */
    public Uni<Integer> anonymiseBookings(LocalDate before, int limit) {
        String sql = "UPDATE booking SET applicants = '[]' WHERE application_id IN ("
                + " SELECT b.application_id FROM booking b WHERE b.applicants IS NOT NULL AND b.applicants <> '[]'"
                + " AND COALESCE(b.date, CAST(b.submitted_at AS date)) < :before AND NOT EXISTS (SELECT 1"
                + " FROM appointment p WHERE p.application_id = b.application_id AND p.anonymised_at IS NULL)"
                + " LIMIT :limit FOR UPDATE OF b SKIP LOCKED) AND applicants <> '[]'";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter("before", before)
                .setParameter("limit", limit).executeUpdate());
    }
}
