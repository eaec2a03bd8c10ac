package id.go.imigrasi.mpaspor.contracts.billing;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * A refund case was opened for a payment billing cannot keep: {@code reason} is LATE (paid after the deadline),
 * ALREADY_PAID (a second payment), CANCELLED (paid after the bill was cancelled) or CANCELLED_AFTER_PAYMENT (a paid
 * application was cancelled and the rules allow a refund). Finance approves or rejects it. Amount in rupiah.
 * Key: the application id.
 */
@EventType(service = "billing", name = "RefundRequested", description = "A refund case was opened for a payment"
        + " billing cannot keep (reason LATE, ALREADY_PAID, CANCELLED or CANCELLED_AFTER_PAYMENT); finance approves or"
        + " rejects it. Amount in rupiah. Key: the application id.")
public record RefundRequested(String refundCaseId, String billingCode, String applicationId, String accountId,
        long amount, String channel, String channelReference, String reason, Instant requestedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
