package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The passport was printed and waits for pickup or delivery; {@code officerId} recorded it (null in events older
 * than 2026-12-05).
 */
@EventType(service = "biometric", name = "PassportIssued")
public record PassportIssued(String applicationId, String applicantId, String passportNumber, String officerId,
        Instant issuedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
