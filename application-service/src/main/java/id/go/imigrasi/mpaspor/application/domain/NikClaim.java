package id.go.imigrasi.mpaspor.application.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An owner's claim of a NIK that another account's draft holds; confirmed with a code sent by SMS. */
@Entity
@Table(name = "nik_claim")
public class NikClaim {

    @Id
    public UUID id;

    @Column(nullable = false, columnDefinition = "bpchar(16)")
    public String nik;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(name = "sent_to", nullable = false)
    public String sentTo;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "released_applicant_id")
    public UUID releasedApplicantId;

    @Column(name = "released_application_id")
    public UUID releasedApplicationId;
}
