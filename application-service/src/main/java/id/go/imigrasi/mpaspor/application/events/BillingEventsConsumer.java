package id.go.imigrasi.mpaspor.application.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.application.service.FollowBilling;
import id.go.imigrasi.mpaspor.contracts.billing.BillingExpired;
import id.go.imigrasi.mpaspor.contracts.billing.BillingIssued;
import id.go.imigrasi.mpaspor.contracts.billing.BillingPaid;
import id.go.imigrasi.mpaspor.contracts.billing.LatePaymentReceived;
import id.go.imigrasi.mpaspor.contracts.billing.RefundApproved;
import id.go.imigrasi.mpaspor.contracts.billing.RefundPaid;
import id.go.imigrasi.mpaspor.contracts.billing.RefundRejected;
import id.go.imigrasi.mpaspor.contracts.billing.RefundRequested;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * billing.events, each event in its inbox transaction: what it does to the application is in {@link FollowBilling}.
 */
@ApplicationScoped
public class BillingEventsConsumer {

    public static final String CONSUMER = "application-billing";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public BillingEventsConsumer(Inbox inbox, FollowBilling billing) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(BillingIssued.class, billing::issued)
                .on(BillingPaid.class, billing::paid)
                .on(BillingExpired.class, billing::expired)
                .on(LatePaymentReceived.class, billing::latePayment)
                .on(RefundRequested.class, billing::refundRequested)
                .on(RefundApproved.class, billing::refundApproved)
                .on(RefundRejected.class, billing::refundRejected)
                .on(RefundPaid.class, billing::refundPaid)
                .build();
    }

    @Incoming("billing-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers);
    }
}
