package id.go.imigrasi.mpaspor.application.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.application.service.FollowOfficeVisit;
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
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * biometric.events, each event in its inbox transaction: what it does to the application is in {@link FollowOfficeVisit}.
 * Following a new biometric event is one method there and one {@code .on(...)} line here.
 */
@ApplicationScoped
public class BiometricEventsConsumer {

    public static final String CONSUMER = "application-biometric";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public BiometricEventsConsumer(Inbox inbox, FollowOfficeVisit visit) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(AppointmentScheduled.class, visit::appointmentScheduled)
                .on(AppointmentMoved.class, visit::appointmentMoved)
                .on(CheckedIn.class, visit::checkedIn)
                .on(BiometricResultsRead.class, visit::resultsRead)
                .on(InterviewCompleted.class, visit::interviewCompleted)
                .on(BiometricsCaptured.class, visit::biometricsCaptured)
                .on(NoShow.class, visit::noShow)
                .on(ApplicationApproved.class, visit::approved)
                .on(ApplicationRejected.class, visit::rejected)
                .on(PassportIssued.class, visit::passportIssued)
                .on(PassportDelivered.class, visit::passportDelivered)
                .on(PassportCollected.class, visit::passportCollected)
                .on(PassportCancelled.class, visit::passportCancelled)
                .build();
    }

    @Incoming("biometric-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers);
    }
}
