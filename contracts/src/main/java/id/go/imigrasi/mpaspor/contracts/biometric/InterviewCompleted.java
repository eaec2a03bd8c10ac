package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The officer checked the original documents: {@code outcome} is VERIFIED, or REJECTED with {@code reason} (then
 * ApplicationRejected follows).
 */
@EventType(service = "biometric", name = "InterviewCompleted")
public record InterviewCompleted(String appointmentId, String applicationId, String applicantId, String outcome,
        String reason, String officerId, Instant completedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
