package id.go.imigrasi.mpaspor.contracts.billing;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * An approved refund was paid back through the channel; {@code refundReference} is the channel's own reference of
 * the refund (to quote to the bank or shop). Key: the application id.
 */
@EventType(service = "billing", name = "RefundPaid", description = "An approved refund was paid back through the"
        + " channel; refundReference is the channel's reference of the refund. Key: the application id.")
public record RefundPaid(String refundCaseId, String billingCode, String applicationId, String accountId,
        long amount, String channel, String refundReference, Instant paidAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
