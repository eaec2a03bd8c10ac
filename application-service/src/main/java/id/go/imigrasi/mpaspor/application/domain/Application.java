package id.go.imigrasi.mpaspor.application.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One application of an account, for 1 to 5 applicants (see V1__application.sql). */
@Entity
@Table(name = "application")
public class Application {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Column(name = "status_rank", nullable = false)
    public int statusRank;

    @Column(name = "hold_id")
    public String holdId;

    @Column(name = "office_code")
    public String officeCode;

    @Column(name = "appointment_date")
    public LocalDate appointmentDate;

    @Column(name = "appointment_session")
    public String appointmentSession;

    @Column(name = "appointment_at")
    public Instant appointmentAt;

    @Column(name = "billing_code")
    public String billingCode;

    @Column(name = "billing_amount")
    public Long billingAmount;

    @Column(name = "billing_expires_at")
    public Instant billingExpiresAt;

    @Column(name = "billing_status")
    public String billingStatus;

    @Column(name = "billing_paid_at")
    public Instant billingPaidAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** When it reached a final status ({@link ApplicationStatus#finished()}): its documents' retention runs from here. */
    @Column(name = "finished_at")
    public Instant finishedAt;

    /** When the retention job deleted its documents (the record itself stays). */
    @Column(name = "documents_deleted_at")
    public Instant documentsDeletedAt;

    /**
     * Moves to {@code next} only forward (by rank); a late event does not undo a later one. Returns whether the
     * status changed.
     */
    public boolean advanceTo(ApplicationStatus next) {
        if (next == null || next.rank() <= statusRank || status.finished()) {
            return false;
        }
        status = next;
        statusRank = next.rank();
        updatedAt = Instant.now();
        if (next.finished()) {
            finishedAt = updatedAt;
        }
        return true;
    }

    /**
     * billing-service issued the bill (BillingIssued): its code, amount and deadline. Returns whether the applicant
     * still has to pay it (so is told the code and deadline): not when the payment was reported first.
     */
    public boolean billingIssued(String code, long amount, Instant expiresAt) {
        billingCode = code;
        billingAmount = amount;
        billingExpiresAt = expiresAt;
        if (billingStatus == null) {
            billingStatus = "ISSUED";
        }
        return "ISSUED".equals(billingStatus);
    }

    /** The bill was paid (BillingPaid), whatever arrived before. */
    public void billingPaid(String code, Instant paidAt) {
        billingCode = code;
        billingStatus = "PAID";
        billingPaidAt = paidAt;
    }

    /**
     * The bill expired unpaid (BillingExpired). Returns whether that is news to the applicant (who then starts
     * again): not when the payment was reported first.
     */
    public boolean billingExpired() {
        if ("PAID".equals(billingStatus)) {
            return false;
        }
        billingStatus = "EXPIRED";
        return true;
    }

    /** The appointment as of the event at {@code at}; an older event does not overwrite a newer one. */
    public void appointment(String office, LocalDate date, String session, Instant at) {
        if (appointmentAt != null && at != null && !at.isAfter(appointmentAt)) {
            return;
        }
        if (office != null) {
            officeCode = office;
        }
        appointmentDate = date;
        appointmentSession = session;
        appointmentAt = at;
        updatedAt = Instant.now();
    }
}
