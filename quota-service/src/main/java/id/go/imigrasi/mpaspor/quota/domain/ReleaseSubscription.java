package id.go.imigrasi.mpaspor.quota.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person's "tell me when this office releases quota" (migration V81): one per account and office. Every release of
 * the office mails {@code email} in {@code language} until the person unsubscribes.
 */
@Entity
@Table(name = "release_subscription")
public class ReleaseSubscription {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "office_code", nullable = false)
    public String officeCode;

    /** The account's address (the token's upn) when it subscribed. */
    @Column(name = "email", nullable = false)
    public String email;

    /** {@code id} or {@code en}: the mails' language, from the subscription's Accept-Language. */
    @Column(name = "language", nullable = false)
    public String language;

    /** The mails' unsubscribe link carries this random value (not the id, which the person's API answers show). */
    @Column(name = "unsubscribe_token", nullable = false)
    public UUID unsubscribeToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
