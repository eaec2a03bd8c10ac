package id.go.imigrasi.mpaspor.contracts.quota;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** The bill of the hold was issued: the hold now lasts until the billing deadline ({@code expiresAt}). */
@EventType(service = "quota", name = "HoldExtended")
public record HoldExtended(String holdId, String applicationId, String billingCode, Instant expiresAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return holdId;
    }
}
