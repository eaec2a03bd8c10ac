package id.go.imigrasi.mpaspor.billing.service;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.imigrasi.mpaspor.billing.domain.RefundCase;

/** A refund case as finance and its applicant see it. Amount in whole rupiah. */
@Schema(name = "RefundCase", description = "The refund of one payment: REQUESTED -> APPROVED -> PAID, or REQUESTED -> REJECTED")
public record RefundCaseView(String id, String billingCode, String applicationId, String accountId, String channel,
        String channelReference, long amount, String currency, String reason, String state, Instant requestedAt,
        String decidedBy, Instant decidedAt, String rejectionReason, String refundReference, Instant paidAt,
        int payoutAttempts, Instant nextPayoutAttemptAt, String lastPayoutError) {

    public static RefundCaseView of(RefundCase c) {
        return new RefundCaseView(c.id.toString(), c.billingCode, c.applicationId, c.accountId, c.channel,
                c.channelReference, c.amount, "IDR", c.reason.name(), c.state.name(), c.requestedAt, c.decidedBy,
                c.decidedAt, c.rejectionReason, c.refundReference, c.paidAt, c.attempts, c.nextAttemptAt,
                c.lastError);
    }
}
