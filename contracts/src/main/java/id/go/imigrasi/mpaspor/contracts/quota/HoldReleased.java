package id.go.imigrasi.mpaspor.contracts.quota;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The slot is back in the calendar. Reason: HOLD_TIMEOUT, BILLING_EXPIRED or APPLICATION_CANCELLED.
 */
@EventType(service = "quota", name = "HoldReleased")
public record HoldReleased(String holdId, String applicationId, String reason, Instant releasedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return holdId;
    }
}
