package id.go.imigrasi.mpaspor.contracts.biometric;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The officer ({@code officerId}, null in events older than 2026-12-05) rejected the applicant at the interview or
 * decision, with the reason given.
 */
@EventType(service = "biometric", name = "ApplicationRejected")
public record ApplicationRejected(String applicationId, String applicantId, String reason, String officerId)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
