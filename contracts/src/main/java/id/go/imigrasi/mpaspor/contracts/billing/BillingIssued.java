package id.go.imigrasi.mpaspor.contracts.billing;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** A 15-digit billing code (SIMPONI) was issued; unpaid at {@code expiresAt} it expires. Amount in rupiah. */
@EventType(service = "billing", name = "BillingIssued")
public record BillingIssued(String applicationId, String holdId, String billingCode, long amount,
        Instant expiresAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
