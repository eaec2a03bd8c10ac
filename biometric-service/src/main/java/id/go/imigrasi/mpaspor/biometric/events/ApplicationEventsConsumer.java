package id.go.imigrasi.mpaspor.biometric.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.biometric.service.Scheduling;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/** application.events: the applicants of a submitted application; a withdrawn application. Applied once (inbox). */
@ApplicationScoped
public class ApplicationEventsConsumer {

    public static final String CONSUMER = "biometric";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public ApplicationEventsConsumer(Inbox inbox, Scheduling scheduling) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(ApplicationSubmitted.class, scheduling::onSubmitted)
                .on(ApplicationCancelled.class, scheduling::onCancelled)
                .build();
    }

    @Incoming("application-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers);
    }
}
