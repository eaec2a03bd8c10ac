package id.go.imigrasi.mpaspor.application.service;

import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.details;
import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.none;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.mail.ApplicantMails;
import id.go.imigrasi.mpaspor.contracts.biometric.ApplicationApproved;
import id.go.imigrasi.mpaspor.contracts.biometric.ApplicationRejected;
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentMoved;
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentScheduled;
import id.go.imigrasi.mpaspor.contracts.biometric.BiometricsCaptured;
import id.go.imigrasi.mpaspor.contracts.biometric.BiometricResultsRead;
import id.go.imigrasi.mpaspor.contracts.biometric.CheckedIn;
import id.go.imigrasi.mpaspor.contracts.biometric.InterviewCompleted;
import id.go.imigrasi.mpaspor.contracts.biometric.NoShow;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportCancelled;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportCollected;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportDelivered;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportIssued;
import id.go.imigrasi.mpaspor.platform.inbox.Envelope;
import io.smallrye.mutiny.Uni;

/**
 * What happens to an application when biometric-service reports on the office visit and what follows
 * (biometric.events): appointment, check-in, interview, capture, approval or rejection, issuance, hand-over. Each
 * applicant's final outcome goes through {@link ApplicationFollower#applicantDone}, where
 * {@link id.go.imigrasi.mpaspor.application.domain.ApplicationOutcome} decides how the application ends. Following
 * a new biometric event is one method here and one {@code .on(...)} line in the consumer.
 */
@ApplicationScoped
public class FollowOfficeVisit {

    private final ApplicationFollower follower;
    private final ApplicantMails mails;

    public FollowOfficeVisit(ApplicationFollower follower, ApplicantMails mails) {
        this.follower = follower;
        this.mails = mails;
    }

    /** APPOINTMENT_SCHEDULED, the appointment on the application, and a mail with the booking code. */
    public Uni<Void> appointmentScheduled(AppointmentScheduled e, Envelope envelope) {
        return follower.lock(e.applicationId(), "APPOINTMENT_SCHEDULED").chain(app -> {
            if (app == null) {
                return none();
            }
            app.appointment(e.officeCode(), e.date(), e.session(), envelope.time());
            return mails.queueOnce(envelope.id(), app, ApplicantMails.Kind.APPOINTMENT_SCHEDULED, e.officeCode(),
                    String.valueOf(e.date()), e.session(), e.bookingCode())
                    .chain(() -> follower.record(envelope, app, "APPOINTMENT_SCHEDULED",
                            ApplicationStatus.APPOINTMENT_SCHEDULED, envelope.time(), details("applicantId",
                                    e.applicantId(), "officeCode", e.officeCode(), "date", e.date(), "session",
                                    e.session(), "bookingCode", e.bookingCode())));
        });
    }

    /** The appointment moved with its booking: a timeline entry and the reschedule's confirmation (issue 22). */
    public Uni<Void> appointmentMoved(AppointmentMoved e, Envelope envelope) {
        return follower.lock(e.applicationId(), "APPOINTMENT_MOVED").chain(app -> app == null ? none()
                : mails.queueOnce(envelope.id(), app, ApplicantMails.Kind.APPOINTMENT_MOVED, e.officeCode(),
                        String.valueOf(e.toDate()), e.toSession(), e.bookingCode())
                        .chain(() -> follower.step(envelope, e.applicationId(), "APPOINTMENT_MOVED", null, null,
                                "applicantId", e.applicantId(), "date", e.toDate(), "session", e.toSession())));
    }

    public Uni<Void> checkedIn(CheckedIn e, Envelope envelope) {
        // where: an officer of that office may open this applicant's documents today (DeskDocumentAccess)
        return follower.step(envelope, e.applicationId(), "CHECKED_IN", ApplicationStatus.IN_PROCESS,
                e.checkedInAt(), "applicantId", e.applicantId(), "officeCode", e.officeCode());
    }

    /** The read audit (issue 23): which office opened this applicant's biometric results, shown to the owner. */
    public Uni<Void> resultsRead(BiometricResultsRead e, Envelope envelope) {
        return follower.step(envelope, e.applicationId(), "BIOMETRICS_READ", null, e.readAt(), "applicantId",
                e.applicantId(), "officeCode", e.officeCode());
    }

    public Uni<Void> interviewCompleted(InterviewCompleted e, Envelope envelope) {
        return follower.step(envelope, e.applicationId(), "INTERVIEW_COMPLETED", null, e.completedAt(),
                "applicantId", e.applicantId(), "outcome", e.outcome());
    }

    public Uni<Void> biometricsCaptured(BiometricsCaptured e, Envelope envelope) {
        return follower.step(envelope, e.applicationId(), "BIOMETRICS_CAPTURED", null, e.capturedAt(),
                "applicantId", e.applicantId(), "fingerExceptions", e.fingerExceptions());
    }

    /** Nobody checked in: a timeline entry and a mail saying what now (issue 22), once per application and day. */
    public Uni<Void> noShow(NoShow e, Envelope envelope) {
        return follower.lock(e.applicationId(), "NO_SHOW").chain(app -> app == null ? none()
                : mails.queueOnce("no-show-" + e.date(), app, ApplicantMails.Kind.NO_SHOW, e.officeCode(),
                        String.valueOf(e.date()))
                        .chain(() -> follower.step(envelope, e.applicationId(), "NO_SHOW", null, null, "applicantId",
                                e.applicantId(), "date", e.date())));
    }

    /**
     * APPROVED, and a mail per approved applicant with the passport number and the expected ready date (the same day
     * for same-day service paid and approved before the office's cutoff: biometric's ReadyDates). An approval
     * reported after the passport was already issued or handed over tells nothing stale: no mail then.
     */
    public Uni<Void> approved(ApplicationApproved e, Envelope envelope) {
        String service = e.service() == null ? "REGULAR" : e.service();
        return follower.lock(e.applicationId(), "APPROVED").chain(app -> {
            if (app == null) {
                return none();
            }
            Uni<Void> mail = app.status.rank() > ApplicationStatus.APPROVED.rank() ? none()
                    : mails.queueOnce(envelope.id(), app, ApplicantMails.Kind.APPLICATION_APPROVED, e.passportNumber(),
                            String.valueOf(e.expectedReadyDate()), "SAME_DAY".equals(service) ? 1 : 0);
            return mail.chain(() -> follower.record(envelope, app, "APPROVED", ApplicationStatus.APPROVED,
                    envelope.time(), details("applicantId", e.applicantId(), "expectedReadyDate",
                            e.expectedReadyDate(), "service", service)));
        });
    }

    /** One applicant's final outcome: rejected, with the officer's reason. */
    public Uni<Void> rejected(ApplicationRejected e, Envelope envelope) {
        return follower.applicantDone(envelope, e.applicationId(), e.applicantId(), "REJECTED_AT_OFFICE", null,
                "applicantId", e.applicantId(), "reason", e.reason());
    }

    /** The passport is printed: "ready for pickup" (or about to be shipped) to the applicant (issue 22). */
    public Uni<Void> passportIssued(PassportIssued e, Envelope envelope) {
        return follower.lock(e.applicationId(), "PASSPORT_ISSUED").chain(app -> app == null ? none()
                : mails.queueOnce(envelope.id(), app, ApplicantMails.Kind.PASSPORT_ISSUED, e.passportNumber(),
                        app.officeCode == null ? "-" : app.officeCode)
                        .chain(() -> follower.step(envelope, e.applicationId(), "PASSPORT_ISSUED",
                                ApplicationStatus.ISSUED, e.issuedAt(), "applicantId", e.applicantId())));
    }

    /** One applicant's final outcome: the passport reached its holder by Pos (or pick-up). */
    public Uni<Void> passportDelivered(PassportDelivered e, Envelope envelope) {
        Uni<Void> mail = follower.lock(e.applicationId(), "PASSPORT_DELIVERED").chain(app -> app == null ? none()
                : mails.queueOnce(envelope.id(), app, ApplicantMails.Kind.PASSPORT_DELIVERED, e.passportNumber(),
                        e.method(), e.trackingNumber() == null ? "" : " " + e.trackingNumber()));
        return mail.chain(() -> follower.applicantDone(envelope, e.applicationId(), e.applicantId(),
                "PASSPORT_DELIVERED", e.deliveredAt(), "applicantId", e.applicantId(), "method", e.method(),
                "trackingNumber", e.trackingNumber()));
    }

    /** One applicant's final outcome: the passport was collected at the office. */
    public Uni<Void> passportCollected(PassportCollected e, Envelope envelope) {
        return follower.applicantDone(envelope, e.applicationId(), e.applicantId(), "PASSPORT_COLLECTED",
                e.collectedAt(), "applicantId", e.applicantId(), "collectedBy", e.collectedBy());
    }

    /** One applicant's final outcome: the passport was cancelled, nobody collected it in time. */
    public Uni<Void> passportCancelled(PassportCancelled e, Envelope envelope) {
        return follower.applicantDone(envelope, e.applicationId(), e.applicantId(), "PASSPORT_CANCELLED",
                e.cancelledAt(), "applicantId", e.applicantId(), "reason", e.reason());
    }
}
