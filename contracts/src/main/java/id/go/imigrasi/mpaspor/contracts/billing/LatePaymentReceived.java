package id.go.imigrasi.mpaspor.contracts.billing;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** A payment arrived after expiry: recorded, flagged REFUND_REQUIRED, never reviving the booking. */
@EventType(service = "billing", name = "LatePaymentReceived")
public record LatePaymentReceived(String applicationId, String billingCode, long amount, String channel,
        String channelReference, Instant paidAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
