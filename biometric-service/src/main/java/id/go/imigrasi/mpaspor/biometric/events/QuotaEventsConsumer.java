package id.go.imigrasi.mpaspor.biometric.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.biometric.service.Scheduling;
import id.go.imigrasi.mpaspor.contracts.quota.BookingRescheduled;
import id.go.imigrasi.mpaspor.contracts.quota.HoldConfirmed;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/** quota.events: a paid booking (HoldConfirmed) and its moves (BookingRescheduled). Applied once (inbox). */
@ApplicationScoped
public class QuotaEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    public QuotaEventsConsumer(Inbox inbox, Scheduling scheduling) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(HoldConfirmed.class, scheduling::onConfirmed)
                .on(BookingRescheduled.class, scheduling::onRescheduled)
                .build();
    }

    @Incoming("quota-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(ApplicationEventsConsumer.CONSUMER, message, handlers);
    }
}
