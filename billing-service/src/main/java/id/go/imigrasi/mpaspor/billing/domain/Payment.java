package id.go.imigrasi.mpaspor.billing.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A payment a channel reported, exactly once per (channel, channel reference). */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    public UUID id;

    @Column(name = "bill_id", nullable = false)
    public UUID billId;

    @Column(name = "billing_code", nullable = false, columnDefinition = "bpchar(15)")
    public String billingCode;

    @Column(nullable = false)
    public String channel;

    @Column(name = "channel_reference", nullable = false)
    public String channelReference;

    @Column(nullable = false)
    public long amount;

    @Column(name = "paid_at", nullable = false)
    public Instant paidAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false, columnDefinition = "bpchar(16)")
    public String ntpn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "refund_reason")
    public RefundReason refundReason;
}
