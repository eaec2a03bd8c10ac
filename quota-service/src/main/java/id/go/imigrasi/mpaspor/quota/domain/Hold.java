package id.go.imigrasi.mpaspor.quota.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Capacity taken for the given NIKs. HELD until paid (then BOOKED: the booking of the office visit) or released.
 * Rows are written and changed by {@link id.go.imigrasi.mpaspor.quota.repository.HoldRepository}'s statements;
 * the entity is the read model.
 */
@Entity
@Table(name = "hold")
public class Hold {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "office_code", nullable = false)
    public String officeCode;

    @Column(name = "date", nullable = false)
    public LocalDate slotDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "service", nullable = false)
    public ServiceLine service;

    @Enumerated(EnumType.STRING)
    @Column(name = "session", nullable = false)
    public DaySession slotSession;

    @Enumerated(EnumType.STRING)
    @Column(name = "passport_kind", nullable = false)
    public PassportKind passportKind;

    @Column(name = "size", nullable = false)
    public int size;

    @Column(name = "niks", nullable = false)
    public String niks;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public HoldStatus status;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "application_id")
    public String applicationId;

    @Column(name = "billing_code")
    public String billingCode;

    @Column(name = "reschedules_used", nullable = false)
    public int reschedulesUsed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "release_reason")
    public String releaseReason;

    /** The {@code Idempotency-Key} of the POST that created the hold, if the client sent one. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** What that POST asked for ({@link id.go.imigrasi.mpaspor.quota.service.HoldCommand#fingerprint()}). */
    @Column(name = "request_fingerprint")
    public String requestFingerprint;

    public List<String> nikList() {
        return Arrays.asList(niks.split(","));
    }
}
