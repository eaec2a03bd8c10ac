package id.go.imigrasi.mpaspor.account.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A one-time password; only its HMAC is stored. */
@Entity
@Table(name = "otp")
public class Otp {

    public enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD,
        /** Proves a mobile number (its code goes by SMS to {@link Otp#target}). */
        VERIFY_PHONE
    }

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "consumed_at")
    public Instant consumedAt;

    @Column(name = "voided_at")
    public Instant voidedAt;

    /** What the code was sent to, when that is not the account's e-mail: the mobile number it proves. */
    public String target;

    public boolean isOpen() {
        return consumedAt == null && voidedAt == null;
    }
}
