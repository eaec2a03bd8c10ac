package id.go.imigrasi.mpaspor.biometric.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.biometric.domain.Appointment;
import id.go.imigrasi.mpaspor.biometric.domain.DeskAction;
import id.go.imigrasi.mpaspor.contracts.biometric.BiometricResultsRead;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The read audit of biometric results (issue 23): when someone other than the owner (an officer of the office, an
 * admin) opens an appointment that has results (match scores, finger exceptions), the first such read per reader,
 * appointment and day (WIB) is recorded ({@code results_read}) and announced ({@link BiometricResultsRead}) in one
 * transaction, so the owner's timeline says which office read their results and when. Reloading the desk page during
 * the capture adds nothing. Lists (the day, the desk search) carry no results at all ({@link AppointmentView#listed}),
 * so a result is only ever read here.
 */
@ApplicationScoped
public class ResultsReads {

    private static final ZoneId DAY_ZONE = ZoneId.of("Asia/Jakarta");
    private static final String RECORD = "INSERT INTO results_read (appointment_id, officer_id, office_code, day,"
            + " first_read_at) VALUES (:appointment, :officer, :office, :day, :at) ON CONFLICT DO NOTHING";

    private final Outbox outbox;
    private final Clock clock;
    private final OfficerActions actions;

    public ResultsReads(Outbox outbox, Clock clock, OfficerActions actions) {
        this.actions = actions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records the read when it is someone else's results; the view unchanged. */
    public Uni<AppointmentView> read(Appointment a, AppointmentView view, Caller caller) {
        if (caller.accountId().equals(a.accountId) || !hasResults(view)) {
            return Uni.createFrom().item(view);
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, DAY_ZONE);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(RECORD)
                .setParameter("appointment", a.id).setParameter("officer", caller.accountId())
                .setParameter("office", a.officeCode).setParameter("day", day).setParameter("at", now).executeUpdate())
                .chain(recorded -> recorded == 0 ? Uni.createFrom().voidItem()
                        : actions.record(a.id, a.officeCode, caller.accountId(), DeskAction.RESULTS_READ, "", now)
                                .chain(() -> outbox.append(new BiometricResultsRead(a.id.toString(), a.applicationId,
                                        a.applicantId, caller.accountId(), a.officeCode, now)))
                                .replaceWithVoid()))
                .replaceWith(view);
    }

    static boolean hasResults(AppointmentView view) {
        return view.capture() != null && (view.capture().face().attempts() > 0
                || view.capture().fingers().stream().anyMatch(f -> f.attempts() > 0 || f.exception() != null));
    }
}
