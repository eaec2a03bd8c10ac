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

/**
 * A collective batch ("Eazy Passport", issue 19): the people an officer team registers for one visit of their office
 * (V130__collective_batch.sql). Its state follows its members ({@link CollectiveOutcome}).
 */
@Entity
@Table(name = "collective_batch")
public class CollectiveBatch {

    /** CHECKING until every member is registered or refused; then the outcome. */
    public enum State {
        CHECKING, REGISTERED, PARTLY_REGISTERED, REFUSED
    }

    @Id
    public UUID id;

    @Column(name = "office_code", nullable = false, updatable = false)
    public String officeCode;

    @Column(name = "officer_id", nullable = false, updatable = false)
    public String officerId;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "contact_phone", nullable = false)
    public String contactPhone;

    @Column(name = "visit_date", nullable = false)
    public LocalDate visitDate;

    @Column(nullable = false)
    public String session;

    @Enumerated(EnumType.STRING)
    @Column(name = "passport_kind", nullable = false)
    public PassportKind passportKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** Why quota-service refused the batch (CollectiveBatchRefused.reason). */
    public String reason;

    /** The walk-in places that were left when quota-service refused the batch. */
    public Integer remaining;

    /** When CollectiveBatchRegistered was written to the outbox (once). */
    @Column(name = "announced_at")
    public Instant announcedAt;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "request_fingerprint", updatable = false)
    public String requestFingerprint;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
