package id.go.imigrasi.mpaspor.billing.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The refund of one payment billing cannot keep (see V80__refund_case.sql): at most one per payment. Its id is also
 * the idempotency key at the channel, so however often the payout is retried the channel refunds it once.
 */
@Entity
@Table(name = "refund_case")
public class RefundCase {

    @Id
    public UUID id;

    @Column(name = "payment_id", nullable = false, updatable = false)
    public UUID paymentId;

    @Column(name = "bill_id", nullable = false, updatable = false)
    public UUID billId;

    @Column(name = "billing_code", nullable = false, updatable = false, columnDefinition = "bpchar(15)")
    public String billingCode;

    @Column(name = "application_id", nullable = false, updatable = false)
    public String applicationId;

    @Column(name = "account_id", nullable = false, updatable = false)
    public String accountId;

    @Column(nullable = false, updatable = false)
    public String channel;

    @Column(name = "channel_reference", nullable = false, updatable = false)
    public String channelReference;

    @Column(nullable = false, updatable = false)
    public long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public RefundReason reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RefundState state;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    /** Account id of the finance officer (admin) who approved or rejected it. */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "refund_reference")
    public String refundReference;

    @Column(name = "paid_at")
    public Instant paidAt;

    /** A REQUESTED case for {@code payment} of {@code bill}. */
    public static RefundCase open(Bill bill, Payment payment, RefundReason reason, Instant at) {
        RefundCase c = new RefundCase();
        c.id = UUID.randomUUID();
        c.paymentId = payment.id;
        c.billId = bill.id;
        c.billingCode = bill.billingCode;
        c.applicationId = bill.applicationId;
        c.accountId = bill.accountId;
        c.channel = payment.channel;
        c.channelReference = payment.channelReference;
        c.amount = payment.amount;
        c.reason = reason;
        c.state = RefundState.REQUESTED;
        c.requestedAt = at;
        return c;
    }
}
