package id.go.imigrasi.mpaspor.application.events;

import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.details;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.mail.ApplicantMails;
import id.go.imigrasi.mpaspor.application.service.ApplicationFollower;
import id.go.imigrasi.mpaspor.application.service.ApplicationFollower.Step;
import id.go.imigrasi.mpaspor.contracts.biometric.ApplicationApproved;
import id.go.imigrasi.mpaspor.contracts.biometric.ApplicationRejected;
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentMoved;
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentScheduled;
import id.go.imigrasi.mpaspor.contracts.biometric.BiometricsCaptured;
import id.go.imigrasi.mpaspor.contracts.biometric.CheckedIn;
import id.go.imigrasi.mpaspor.contracts.biometric.InterviewCompleted;
import id.go.imigrasi.mpaspor.contracts.biometric.NoShow;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportCancelled;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportCollected;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportDelivered;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportIssued;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * biometric.events: the office visit and what follows (appointment, approval or rejection, issuance, delivery).
 * Following a new event is one line here: {@code .on(CheckedIn.class, e -> follower.step(meta, e.applicationId(),
 * "CHECKED_IN", ApplicationStatus.IN_PROCESS, null, "applicantId", e.applicantId()))}.
 */
@ApplicationScoped
public class BiometricEventsConsumer {

    public static final String CONSUMER = "application-biometric";

    private final Inbox inbox;
    private final ApplicationFollower follower;
    private final ApplicantMails mails;

    public BiometricEventsConsumer(Inbox inbox, ApplicationFollower follower, ApplicantMails mails) {
        this.inbox = inbox;
        this.follower = follower;
        this.mails = mails;
    }

    @Incoming("biometric-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers(EventMeta.of(message)));
    }

    EventHandlers handlers(EventMeta meta) {
        return EventHandlers.builder()
                .on(AppointmentScheduled.class, e -> follower.apply(meta, e.applicationId(), new Step(
                        "APPOINTMENT_SCHEDULED", ApplicationStatus.APPOINTMENT_SCHEDULED, meta.time(),
                        details("applicantId", e.applicantId(), "officeCode", e.officeCode(), "date", e.date(),
                                "session", e.session(), "bookingCode", e.bookingCode()),
                        app -> {
                            app.appointment(e.officeCode(), e.date(), e.session(), meta.time());
                            return mails.queue(app, ApplicantMails.Kind.APPOINTMENT_SCHEDULED, e.officeCode(),
                                    String.valueOf(e.date()), e.session(), e.bookingCode());
                        })))
                .on(AppointmentMoved.class, e -> follower.step(meta, e.applicationId(), "APPOINTMENT_MOVED", null,
                        null, "applicantId", e.applicantId(), "date", e.toDate(), "session", e.toSession()))
                .on(CheckedIn.class, e -> follower.step(meta, e.applicationId(), "CHECKED_IN",
                        ApplicationStatus.IN_PROCESS, e.checkedInAt(), "applicantId", e.applicantId()))
                .on(InterviewCompleted.class, e -> follower.step(meta, e.applicationId(), "INTERVIEW_COMPLETED", null,
                        e.completedAt(), "applicantId", e.applicantId(), "outcome", e.outcome()))
                .on(BiometricsCaptured.class, e -> follower.step(meta, e.applicationId(), "BIOMETRICS_CAPTURED", null,
                        e.capturedAt(), "applicantId", e.applicantId(), "fingerExceptions", e.fingerExceptions()))
                .on(NoShow.class, e -> follower.step(meta, e.applicationId(), "NO_SHOW", null, null,
                        "applicantId", e.applicantId(), "date", e.date()))
                .on(ApplicationApproved.class, e -> follower.step(meta, e.applicationId(), "APPROVED",
                        ApplicationStatus.APPROVED, null, "applicantId", e.applicantId(), "expectedReadyDate",
                        e.expectedReadyDate()))
                .on(ApplicationRejected.class, e -> follower.applicantDone(meta, e.applicationId(), e.applicantId(),
                        "REJECTED_AT_OFFICE", null, "applicantId", e.applicantId(), "reason", e.reason()))
                .on(PassportIssued.class, e -> follower.step(meta, e.applicationId(), "PASSPORT_ISSUED",
                        ApplicationStatus.ISSUED, e.issuedAt(), "applicantId", e.applicantId()))
                .on(PassportDelivered.class, e -> follower.applicantDone(meta, e.applicationId(), e.applicantId(),
                        "PASSPORT_DELIVERED", e.deliveredAt(), "applicantId", e.applicantId(), "method", e.method(),
                        "trackingNumber", e.trackingNumber()))
                .on(PassportCollected.class, e -> follower.applicantDone(meta, e.applicationId(), e.applicantId(),
                        "PASSPORT_COLLECTED", e.collectedAt(), "applicantId", e.applicantId(), "collectedBy",
                        e.collectedBy()))
                .on(PassportCancelled.class, e -> follower.step(meta, e.applicationId(), "PASSPORT_CANCELLED", null,
                        e.cancelledAt(), "applicantId", e.applicantId(), "reason", e.reason()))
                .build();
    }
}
