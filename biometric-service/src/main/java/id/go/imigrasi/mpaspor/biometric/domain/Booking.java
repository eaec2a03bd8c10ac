package id.go.imigrasi.mpaspor.biometric.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What biometric-service knows of one application's booking, joined from ApplicationSubmitted (owner, applicants)
 * and HoldConfirmed (the paid slot), which arrive on two topics in any order. See {@code Scheduling}.
 */
@Entity
@Table(name = "booking")
public class Booking {

    @Id
    @Column(name = "application_id")
    public String applicationId;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "hold_id")
    public String holdId;

    @Column(name = "office_code")
    public String officeCode;

    public LocalDate date;

    public String session;

    public String service;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    /** JSON array of the submitted applicants. */
    public String applicants;

    /** Both facts are known, nothing was cancelled, and the appointments do not exist yet. */
    public boolean readyToSchedule() {
        return submittedAt != null && confirmedAt != null && cancelledAt == null && scheduledAt == null;
    }
}
