package id.go.imigrasi.mpaspor.contracts.billing;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** Finance rejected a refund case, with its reason (shown to the applicant). Key: the application id. */
@EventType(service = "billing", name = "RefundRejected", description = "Finance rejected a refund case; reason says"
        + " why (shown to the applicant). Key: the application id.")
public record RefundRejected(String refundCaseId, String billingCode, String applicationId, String accountId,
        long amount, String reason, String rejectedBy, Instant rejectedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
