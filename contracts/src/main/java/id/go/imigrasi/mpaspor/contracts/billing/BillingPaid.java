package id.go.imigrasi.mpaspor.contracts.billing;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** A channel reported payment in time; {@code ntpn} is the state's receipt number. */
@EventType(service = "billing", name = "BillingPaid")
public record BillingPaid(String applicationId, String holdId, String billingCode, long amount, String channel,
        String ntpn, Instant paidAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
