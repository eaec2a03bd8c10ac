package id.go.imigrasi.mpaspor.contracts.billing;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** Finance approved a refund case; the payout job pays it back through the channel. Key: the application id. */
@EventType(service = "billing", name = "RefundApproved", description = "Finance approved a refund case; the payout"
        + " job pays it back through the channel the money came from. Key: the application id.")
public record RefundApproved(String refundCaseId, String billingCode, String applicationId, String accountId,
        long amount, String approvedBy, Instant approvedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
