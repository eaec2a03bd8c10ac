package id.go.imigrasi.mpaspor.billing.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One bill per submitted application (see V1__billing.sql). Amount in whole rupiah. */
@Entity
@Table(name = "bill")
public class Bill {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false, updatable = false)
    public String applicationId;

    @Column(name = "account_id", nullable = false, updatable = false)
    public String accountId;

    @Column(name = "hold_id", updatable = false)
    public String holdId;

    @Column(name = "office_code", updatable = false)
    public String officeCode;

    @Column(name = "billing_code", nullable = false, updatable = false, columnDefinition = "bpchar(15)")
    public String billingCode;

    @Column(nullable = false, updatable = false)
    public long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BillStatus status;

    @Column(name = "issued_at", nullable = false, updatable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** The appointment date billed for (ApplicationSubmitted); null on bills issued before it was kept. */
    @Column(name = "appointment_date", updatable = false)
    public java.time.LocalDate appointmentDate;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "expired_at")
    public Instant expiredAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** W3C traceparent the bill was issued in: its application's saga (service/SagaTrace). */
    @Column(name = "traceparent")
    public String traceparent;

    /** Paid in time: the payment's own time is within the deadline and the bill had not expired. */
    public boolean acceptsPaymentAt(Instant paymentTime) {
        return status == BillStatus.ISSUED && !paymentTime.isAfter(expiresAt);
    }
}
