package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * An issued passport was cancelled: {@code reason} NOT_COLLECTED when nobody collected it within the configured
 * period (30 days) after it was issued.
 */
@EventType(service = "biometric", name = "PassportCancelled")
public record PassportCancelled(String applicationId, String applicantId, String passportNumber, String reason,
        Instant issuedAt, Instant cancelledAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
