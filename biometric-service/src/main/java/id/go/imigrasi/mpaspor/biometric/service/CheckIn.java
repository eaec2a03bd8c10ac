package id.go.imigrasi.mpaspor.biometric.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.biometric.BiometricProblem;
import id.go.imigrasi.mpaspor.biometric.domain.AppointmentStatus;
import id.go.imigrasi.mpaspor.biometric.domain.BookingCode;
import id.go.imigrasi.mpaspor.biometric.domain.DeskAction;
import id.go.imigrasi.mpaspor.biometric.repository.AppointmentRepository;
import id.go.imigrasi.mpaspor.contracts.biometric.CheckedIn;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Check-in at the office. An officer scans or types the booking code; the rules, in the order they are checked:
 * the code exists ({@code unknown-booking-code}), the booking is for the officer's office ({@code wrong-office}),
 * the applicant has not checked in yet ({@code already-checked-in}) and the appointment is still open ({@code
 * appointment-closed}), today (office time) is the appointment date ({@code wrong-appointment-date}), and the NIK
 * on the original e-KTP is the booked one ({@code nik-mismatch}: a resold slot fails here). Then CheckedIn.
 */
@ApplicationScoped
public class CheckIn {

    private static final Logger LOG = Logger.getLogger(CheckIn.class);

    private final AppointmentRepository appointments;
    private final Appointments access;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry registry;
    private final OfficerActions actions;

    public CheckIn(AppointmentRepository appointments, Appointments access,
            Outbox outbox, Clock clock, MeterRegistry registry, OfficerActions actions) {
        this.actions = actions;
        this.appointments = appointments;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
        this.registry = registry;
    }

    /** Counts the refusal by its problem type (ops watch nik-mismatch: resold slots) and returns it to throw. */
    private ProblemException refused(String office, ProblemException problem) {
        Counter.builder("mpaspor.biometric.checkins.refused").description("Check-ins refused, by office and reason")
                .tag("office", office).tag("reason", problem.type().slug()).register(registry).increment();
        return problem;
    }

    public Uni<AppointmentView> checkIn(String typedCode, String nik, Caller caller) {
        String code = BookingCode.normalize(typedCode);
        if (code == null) {
            throw ProblemException.invalid("bookingCode", "validation.booking-code-format");
        }
        String office = caller.officeCode().orElseThrow(() -> ProblemException.of(CommonProblem.FORBIDDEN));
        String officer = caller.accountId();
        return Panache.withTransaction(() -> appointments.lockByCode(code).chain(a -> {
            if (a == null) {
                throw refused(office, ProblemException.of(BiometricProblem.UNKNOWN_BOOKING_CODE, code));
            }
            if (!office.equals(a.officeCode)) {
                throw refused(office, ProblemException.of(BiometricProblem.WRONG_OFFICE, code, a.officeCode, office));
            }
            if (a.status.checkedIn()) {
                throw refused(office, ProblemException.of(BiometricProblem.ALREADY_CHECKED_IN, code, a.checkedInAt));
            }
            if (a.status != AppointmentStatus.SCHEDULED) {
                throw refused(office, ProblemException.of(BiometricProblem.APPOINTMENT_CLOSED, code, a.status.name()));
            }
            LocalDate today = LocalDate.now(clock);
            if (!today.equals(a.date)) {
                throw refused(office, ProblemException.of(BiometricProblem.WRONG_DATE, code, a.date.toString(),
                        today.toString()));
            }
            if (!a.nik.equals(nik)) {
                throw refused(office, ProblemException.of(BiometricProblem.NIK_MISMATCH));
            }
            a.status = AppointmentStatus.CHECKED_IN;
            a.checkedInAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            a.checkedInBy = officer;
            return actions.record(a.id, a.officeCode, officer, DeskAction.CHECKED_IN, "", a.checkedInAt)
                    .chain(() -> outbox.append(new CheckedIn(a.id.toString(), a.applicationId, a.applicantId,
                            a.officeCode, officer, a.checkedInAt)))
                    .invoke(() -> LOG.infof("appointment %s checked in at %s", a.id, a.officeCode))
                    .invoke(() -> Counter.builder("mpaspor.biometric.checkins").description("Applicants checked in, by office")
                            .tag("office", office).register(registry).increment())
                    .chain(() -> access.view(a));
        }));
    }
}
