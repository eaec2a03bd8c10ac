package id.go.imigrasi.mpaspor.quota.repository;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.domain.Capacity;
import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The capacity rows. Taking places is ONE conditional UPDATE on the row ({@code slot_bookable}, V50): PostgreSQL locks
 * the row, re-evaluates the condition on the latest committed version and either adds the places or changes nothing. Whatever the
 * number of concurrent requests and service instances, {@code held} never exceeds {@code capacity} (the CHECK
 * constraint {@code capacity_never_exceeded} backs this up). No JVM lock is involved.
 */
@ApplicationScoped
public class CapacityRepository implements PanacheRepositoryBase<Capacity, Capacity.Key> {

    /**
     * Takes places for a reschedule (holds go through SlotTaker) when the row is {@code slot_bookable} for them (the
     * one SQL form of the rule, V50); pgbench runs it as the bare-UPDATE baseline.
     */
    public static final String TAKE = "UPDATE capacity c SET held = c.held + :places"
            + " WHERE office_code = :office AND date = :date AND service = :service AND session = :session"
            + " AND slot_bookable(c, :places, :electronic)";

    private static final String GIVE_BACK = "UPDATE capacity SET held = held - :places"
            + " WHERE office_code = :office AND date = :date AND service = :service AND session = :session"
            + " AND held >= :places";

    /** Takes {@code places} if they are free, released and open; true when taken. */
    public Uni<Boolean> take(String office, LocalDate date, ServiceLine service, DaySession session, int places,
            boolean electronic) {
        return Panache.getSession().chain(s -> s.createNativeQuery(TAKE)
                .setParameter("places", places).setParameter("office", office).setParameter("date", date)
                .setParameter("service", service.name()).setParameter("session", session.name())
                .setParameter("electronic", electronic)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** Gives {@code places} back to the calendar. */
    public Uni<Void> giveBack(String office, LocalDate date, ServiceLine service, DaySession session, int places) {
        return Panache.getSession().chain(s -> s.createNativeQuery(GIVE_BACK)
                .setParameter("places", places).setParameter("office", office).setParameter("date", date)
                .setParameter("service", service.name()).setParameter("session", session.name())
                .executeUpdate())
                .invoke(rows -> {
                    if (rows != 1) {
                        throw new IllegalStateException("capacity row " + office + "/" + date + "/" + service + "/"
                                + session + " cannot give back " + places + " places");
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Capacity> find(String office, LocalDate date, ServiceLine service, DaySession session) {
        return findById(new Capacity.Key(office, date, service, session));
    }

    public Uni<List<Capacity>> range(String office, ServiceLine service, LocalDate from, LocalDate to) {
        return list("officeCode = ?1 and service = ?2 and slotDate between ?3 and ?4", office, service, from, to);
    }

    /**
     * Creates the capacity rows of {@code from..to} for every service line and session from the office's weekday
     * rules, or from {@code defaults} (keys SERVICE_SESSION) on {@code openDays} when the office has no rule.
     * Dates that already have rows are left untouched. Returns the number of online-bookable places created.
     */
    public Uni<Integer> materialize(UUID releaseId, String office, LocalDate from, LocalDate to, Instant releaseAt,
            Map<String, Integer> defaults, Set<DayOfWeek> openDays) {
        StringJoiner values = new StringJoiner(", ");
        for (DayOfWeek day : openDays) {
            for (ServiceLine service : ServiceLine.values()) {
                for (DaySession session : DaySession.values()) {
                    int places = defaults.getOrDefault(service.name() + "_" + session.name(), 0);
                    // enum names and integers from typed configuration only: nothing user-supplied is inlined
                    values.add("(" + day.getValue() + ", '" + service.name() + "', '" + session.name() + "', "
                            + places + ")");
                }
            }
        }
        String defaultRules = values.length() == 0 ? "SELECT 0, '', '', 0 WHERE false"
                : "SELECT weekday, service, session, capacity FROM (VALUES " + values
                        + ") v(weekday, service, session, capacity)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM office_rule WHERE office_code = :office)";
        String sql = "WITH rules AS ("
                + " SELECT weekday, service, session, capacity FROM office_rule WHERE office_code = :office"
                + " UNION ALL " + defaultRules
                + "), ins AS ("
                + " INSERT INTO capacity (office_code, date, service, session, capacity, release_at, closed,"
                + " e_passport_closed, release_id)"
                + " SELECT :office, d.day, s.service, p.session, COALESCE(r.capacity, 0), :releaseAt,"
                + " COALESCE(r.capacity, 0) = 0 OR EXISTS (SELECT 1 FROM office_closure c WHERE c.office_code = :office"
                + "   AND c.date = d.day AND c.scope = 'ALL'),"
                + " EXISTS (SELECT 1 FROM office_closure c WHERE c.office_code = :office AND c.date = d.day"
                + "   AND c.scope = 'E_PASSPORT')"
                // an office that issues no electronic passports (the directory's e_passport, ServicesOffered)
                + "   OR NOT EXISTS (SELECT 1 FROM office o WHERE o.code = :office AND o.e_passport),"
                + " :releaseId"
                + " FROM (SELECT CAST(g AS date) AS day FROM generate_series(CAST(:from AS date), CAST(:to AS date),"
                + "   interval '1 day') g) d"
                + " CROSS JOIN (VALUES ('REGULAR'), ('SAME_DAY'), ('PRIORITY_WALK_IN')) s(service)"
                + " CROSS JOIN (VALUES ('MORNING'), ('AFTERNOON')) p(session)"
                + " LEFT JOIN rules r ON r.weekday = EXTRACT(ISODOW FROM d.day) AND r.service = s.service"
                + "   AND r.session = p.session"
                + " ON CONFLICT DO NOTHING RETURNING service, capacity, closed"
                + ") SELECT CAST(COALESCE(SUM(capacity) FILTER (WHERE service <> 'PRIORITY_WALK_IN' AND NOT closed), 0)"
                + " AS integer) FROM ins";
        String statement = sql;
        return Panache.getSession().chain(s -> s.createNativeQuery(statement)
                .setParameter("office", office).setParameter("releaseAt", releaseAt)
                .setParameter("releaseId", releaseId).setParameter("from", from).setParameter("to", to)
                .getSingleResult())
                .map(result -> ((Number) result).intValue());
    }

    /** Applies a closure to the rows that exist already (later releases read office_closure). */
    public Uni<Integer> close(String office, LocalDate date, boolean ePassportOnly, boolean closed) {
        String column = ePassportOnly ? "e_passport_closed" : "closed";
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE capacity SET " + column + " = :closed"
                + " WHERE office_code = :office AND date = :date" + (closed || ePassportOnly ? "" : " AND capacity > 0"))
                .setParameter("closed", closed).setParameter("office", office).setParameter("date", date)
                .executeUpdate());
    }
}
