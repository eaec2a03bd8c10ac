package id.go.imigrasi.mpaspor.biometric.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.biometric.domain.Appointment;
import id.go.imigrasi.mpaspor.biometric.domain.DeskAction;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The desk's audit (issue 19): every officer's or admin's action on an appointment is one row of the append-only
 * {@code officer_action}, written by {@link #record} in the action's own transaction (the caller's session), so an
 * action and its audit row commit together or not at all. A row names who (the officer's account id), where (the
 * appointment's office), what ({@link DeskAction}), on which appointment and when, with a short detail; never the
 * applicant's NIK, name, booking code or passport number. {@link #ofOffice} is what the admin reads: one office, newest
 * first, a page at a time.
 */
@ApplicationScoped
public class OfficerActions {

    /** Longest detail kept (a reason is at most 500 characters at the API). */
    static final int DETAIL_MAX = 500;
    public static final int PAGE_DEFAULT = 50;
    public static final int PAGE_MAX = 500;
    private static final Pattern OFFICE_CODE = Pattern.compile("[A-Z0-9]{2,12}");

    private static final String INSERT = "INSERT INTO officer_action (at, officer_id, office_code, action,"
            + " appointment_id, detail) VALUES (:at, :officer, :office, :action, :appointment, :detail)";
    private static final String SELECT = "SELECT id, at, officer_id, office_code, action, appointment_id::text,"
            + " detail FROM officer_action WHERE office_code = :office";
    private static final String NEWEST = " ORDER BY at DESC, id DESC LIMIT :limit";
    private static final String FIRST_PAGE = SELECT + NEWEST;
    /** Older than the cursor's entry (of the same office: another office's id gives an empty page). */
    private static final String NEXT_PAGE = SELECT + " AND (at, id) < (SELECT b.at, b.id FROM officer_action b"
            + " WHERE b.id = :before AND b.office_code = :office)" + NEWEST;

    /** One recorded action; {@code id} is the cursor of the next page ({@code before}). */
    public record DeskAuditEntry(long id, Instant at, String actorId, String officeCode, String action,
            String appointmentId, String detail) {
    }

    private final Clock clock;

    public OfficerActions(Clock clock) {
        this.clock = clock;
    }

    /** Records the action in the current transaction, now. */
    public Uni<Void> record(Appointment a, String officer, DeskAction action, String detail) {
        return record(a.id, a.officeCode, officer, action, detail, clock.instant());
    }

    /** Records the action in the current transaction, at {@code at}. */
    public Uni<Void> record(UUID appointment, String office, String officer, DeskAction action, String detail,
            Instant at) {
        String d = detail == null ? "" : detail.strip();
        String shortened = d.length() > DETAIL_MAX ? d.substring(0, DETAIL_MAX - 1) + "…" : d;
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT)
                .setParameter("at", at.truncatedTo(ChronoUnit.MICROS)).setParameter("officer", officer)
                .setParameter("office", office).setParameter("action", action.name())
                .setParameter("appointment", appointment).setParameter("detail", shortened).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * An office's actions, newest first: at most {@code limit} (default {@value #PAGE_DEFAULT}, 1..{@value #PAGE_MAX}),
     * older than the entry {@code before} (an entry's id, from the previous page) when given. A malformed office code,
     * limit or cursor is a 400 with the field.
     */
    public Uni<List<DeskAuditEntry>> ofOffice(String office, String limit, String before) {
        if (office == null || !OFFICE_CODE.matcher(office).matches()) {
            throw ProblemException.invalid("code", "validation.office-code");
        }
        int n = limit == null || limit.isBlank() ? PAGE_DEFAULT : (int) number("limit", limit, 1, PAGE_MAX);
        Long cursor = before == null || before.isBlank() ? null : number("before", before, 1, Long.MAX_VALUE);
        return Panache.withSession(() -> Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(cursor == null ? FIRST_PAGE : NEXT_PAGE, Object[].class)
                    .setParameter("office", office).setParameter("limit", n);
            return (cursor == null ? query : query.setParameter("before", cursor)).getResultList();
        }))
                .map(rows -> rows.stream().map(r -> new DeskAuditEntry(((Number) r[0]).longValue(), instant(r[1]),
                        (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6])).toList());
    }

    private static long number(String field, String value, long min, long max) {
        try {
            long v = Long.parseLong(value.strip());
            if (v < min || v > max) {
                throw ProblemException.invalid(field, "validation." + field);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "validation." + field);
        }
    }

    private static Instant instant(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) v).toInstant();
    }
}
