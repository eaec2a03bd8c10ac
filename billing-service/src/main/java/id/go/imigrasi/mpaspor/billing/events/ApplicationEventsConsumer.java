package id.go.imigrasi.mpaspor.billing.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.billing.service.BillCancellation;
import id.go.imigrasi.mpaspor.billing.service.BillIssuance;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * application.events: a bill per submitted application; a cancelled application's unpaid bill is cancelled. Each
 * event is applied once (inbox); the other event types on the topic are ignored.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

    public static final String CONSUMER = "billing";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public ApplicationEventsConsumer(Inbox inbox, BillIssuance issuance, BillCancellation cancellation) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(ApplicationSubmitted.class, issuance::onSubmitted)
                .on(ApplicationCancelled.class, cancellation::onCancelled)
                .build();
    }

    @Incoming("application-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers);
    }
}
