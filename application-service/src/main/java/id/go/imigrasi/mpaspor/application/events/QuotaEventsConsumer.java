package id.go.imigrasi.mpaspor.application.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.application.service.CollectiveBatches;
import id.go.imigrasi.mpaspor.application.service.FollowQuota;
import id.go.imigrasi.mpaspor.contracts.quota.BookingRescheduled;
import id.go.imigrasi.mpaspor.contracts.quota.CollectiveBatchRefused;
import id.go.imigrasi.mpaspor.contracts.quota.HoldConfirmed;
import id.go.imigrasi.mpaspor.contracts.quota.HoldExtended;
import id.go.imigrasi.mpaspor.contracts.quota.HoldReleased;
import id.go.imigrasi.mpaspor.contracts.quota.PositionsAdmitted;
import id.go.imigrasi.mpaspor.contracts.quota.SlotHeld;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * quota.events, each event in its inbox transaction: the holds, the booking steps and the waiting room's "your turn", in
 * {@link FollowQuota}; a collective batch's holds and refusal in {@link CollectiveBatches}.
 */
@ApplicationScoped
public class QuotaEventsConsumer {

    public static final String CONSUMER = "application-quota";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public QuotaEventsConsumer(Inbox inbox, FollowQuota quota, CollectiveBatches collective) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                // a collective member's hold: kept like any, then its application is submitted with it
                .on(SlotHeld.class, e -> quota.held(e).chain(() -> collective.held(e)))
                .on(CollectiveBatchRefused.class, collective::refused)
                .on(PositionsAdmitted.class, quota::positionsAdmitted)
                .on(HoldExtended.class, quota::extended)
                .on(HoldReleased.class, quota::released)
                .on(HoldConfirmed.class, quota::confirmed)
                .on(BookingRescheduled.class, quota::rescheduled)
                .build();
    }

    @Incoming("quota-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers);
    }
}
