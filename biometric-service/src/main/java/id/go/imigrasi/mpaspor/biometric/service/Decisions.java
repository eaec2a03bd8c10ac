package id.go.imigrasi.mpaspor.biometric.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.biometric.BiometricProblem;
import id.go.imigrasi.mpaspor.biometric.config.BiometricConfig;
import id.go.imigrasi.mpaspor.biometric.domain.Appointment;
import id.go.imigrasi.mpaspor.biometric.domain.AppointmentStatus;
import id.go.imigrasi.mpaspor.biometric.domain.DeskAction;
import id.go.imigrasi.mpaspor.biometric.domain.PassportNumber;
import id.go.imigrasi.mpaspor.biometric.domain.ReadyDates;
import id.go.imigrasi.mpaspor.biometric.domain.WorkingDays;
import id.go.imigrasi.mpaspor.biometric.repository.AppointmentRepository;
import id.go.imigrasi.mpaspor.contracts.biometric.ApplicationApproved;
import id.go.imigrasi.mpaspor.contracts.biometric.ApplicationRejected;
import id.go.imigrasi.mpaspor.contracts.biometric.InterviewCompleted;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportIssued;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The officer's decisions: the interview outcome (documents verified, or rejected with a reason), approval
 * (passport number of the kind, expected ready date by the booked service line: {@link ReadyDates}) or rejection, and the issuance once printed.
 */
@ApplicationScoped
public class Decisions {

    private static final Logger LOG = Logger.getLogger(Decisions.class);

    public enum InterviewOutcome {
        VERIFIED, REJECTED
    }

    public enum Verdict {
        APPROVE, REJECT
    }

    private final Appointments access;
    private final AppointmentRepository appointments;
    private final Outbox outbox;
    private final Clock clock;
    private final BiometricConfig config;
    private final ReadyDates readyDates;
    private final OfficerActions actions;

    public Decisions(Appointments access, AppointmentRepository appointments, Outbox outbox, Clock clock,
            BiometricConfig config, OfficerActions actions) {
        this.actions = actions;
        this.access = access;
        this.appointments = appointments;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.readyDates = new ReadyDates(new WorkingDays(config.approval().holidays()),
                config.approval().readyWorkingDays(), config.approval().sameDayCutoff(), config.timeZone());
    }

    public Uni<AppointmentView> interview(String id, InterviewOutcome outcome, String reason, Caller caller) {
        String officer = caller.accountId();
        return access.act(id, caller, List.of(AppointmentStatus.CHECKED_IN), a -> {
            a.interviewOutcome = outcome.name();
            a.interviewReason = reason == null || reason.isBlank() ? null : reason.strip();
            a.interviewedAt = now();
            a.interviewedBy = officer;
            Uni<Void> completed = actions.record(a.id, a.officeCode, officer, outcome == InterviewOutcome.VERIFIED
                    ? DeskAction.INTERVIEW_VERIFIED : DeskAction.INTERVIEW_REJECTED, a.interviewReason, a.interviewedAt)
                    .chain(() -> outbox.append(new InterviewCompleted(a.id.toString(), a.applicationId,
                            a.applicantId, outcome.name(), a.interviewReason, officer, a.interviewedAt)))
                    .replaceWithVoid();
            if (outcome == InterviewOutcome.VERIFIED) {
                a.status = AppointmentStatus.INTERVIEWED;
                return completed;
            }
            return completed.chain(() -> reject(a, a.interviewReason, officer));
        });
    }

    public Uni<AppointmentView> decide(String id, Verdict verdict, String reason, Caller caller) {
        String officer = caller.accountId();
        if (verdict == Verdict.REJECT) {
            return access.act(id, caller, List.of(AppointmentStatus.CHECKED_IN, AppointmentStatus.INTERVIEWED,
                    AppointmentStatus.CAPTURED), a -> reject(a, reason.strip(), officer));
        }
        return access.act(id, caller, List.of(AppointmentStatus.INTERVIEWED, AppointmentStatus.CAPTURED), a -> {
            if (a.status != AppointmentStatus.CAPTURED) {
                throw ProblemException.of(BiometricProblem.CAPTURE_INCOMPLETE);
            }
            return appointments.nextPassportSequence().chain(sequence -> approve(a, sequence, officer));
        });
    }

    /** The passport was printed: PassportIssued; it must be collected (or handed to Pos) within the period. */
    public Uni<AppointmentView> issue(String id, Caller caller) {
        return access.act(id, caller, List.of(AppointmentStatus.APPROVED), a -> {
            a.status = AppointmentStatus.ISSUED;
            a.issuedAt = now();
            a.collectBefore = a.issuedAt.plus(config.collectWithin());
            return actions.record(a.id, a.officeCode, caller.accountId(), DeskAction.PASSPORT_ISSUED, "", a.issuedAt)
                    .chain(() -> outbox.append(new PassportIssued(a.applicationId, a.applicantId, a.passportNumber,
                            caller.accountId(), a.issuedAt)))
                    .invoke(() -> LOG.infof("passport %s issued (appointment %s)", a.passportNumber, a.id))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> approve(Appointment a, long sequence, String officer) {
        a.status = AppointmentStatus.APPROVED;
        a.passportNumber = PassportNumber.of(a.passportKind, sequence, config.approval().passportNumberPrefix());
        a.decidedAt = now();
        a.decidedBy = officer;
        a.expectedReadyDate = readyDates.of(a.service, a.paidAt, a.decidedAt);
        return actions.record(a.id, a.officeCode, officer, DeskAction.APPROVED,
                a.service + ", " + a.expectedReadyDate, a.decidedAt)
                .chain(() -> outbox.append(new ApplicationApproved(a.applicationId, a.applicantId, a.passportNumber,
                        a.expectedReadyDate, officer, a.service)))
                .invoke(() -> LOG.infof("appointment %s approved: passport %s ready %s", a.id, a.passportNumber,
                        a.expectedReadyDate))
                .replaceWithVoid();
    }

    private Uni<Void> reject(Appointment a, String reason, String officer) {
        a.status = AppointmentStatus.REJECTED;
        a.decisionReason = reason;
        a.decidedAt = now();
        a.decidedBy = officer;
        return actions.record(a.id, a.officeCode, officer, DeskAction.REJECTED, reason, a.decidedAt)
                .chain(() -> outbox.append(new ApplicationRejected(a.applicationId, a.applicantId, reason, officer)))
                .replaceWithVoid();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
