package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The passport was picked up at the office: {@code collectedBy} is APPLICANT or FAMILY_MEMBER (a member of the
 * same family card, named in {@code collectorName}), handed over by {@code officerId} (null in events older than
 * 2026-12-05).
 */
@EventType(service = "biometric", name = "PassportCollected")
public record PassportCollected(String applicationId, String applicantId, String passportNumber, String collectedBy,
        String collectorName, String officerId, Instant collectedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
