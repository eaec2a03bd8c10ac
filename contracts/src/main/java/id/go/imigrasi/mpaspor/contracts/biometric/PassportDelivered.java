package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** The passport reached its holder: {@code method} is PICKUP or POS (with the Pos tracking number). */
@EventType(service = "biometric", name = "PassportDelivered")
public record PassportDelivered(String applicationId, String applicantId, String passportNumber, String method,
        String trackingNumber, Instant deliveredAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
