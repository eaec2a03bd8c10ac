package id.go.imigrasi.mpaspor.platform.mail;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of the mail outbox ({@code queued_mail}, migration {@code db/platform/V0_6}): written by {@link MailQueue} in
 * the caller's transaction, claimed, sent and recorded by {@link MailDispatcher}.
 */
@Entity
@Table(name = "queued_mail")
public class QueuedMail {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String subject;

    /** Erased once sent (it may carry an OTP). */
    public String body;

    @Column(name = "aggregate_id")
    public String aggregateId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Attempts made so far, the successful one included. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** Claimed by a dispatcher until then. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Given up after the last attempt; the row is kept. */
    @Column(name = "dead_at")
    public Instant deadAt;

    @Column(name = "last_error")
    public String lastError;

    /** EMAIL, SMS or WHATSAPP ({@link Channel}). */
    @Column(nullable = false)
    public String channel;

    /** A text's id at the provider, once it took it. */
    @Column(name = "provider_message_id")
    public String providerMessageId;

    /** A text's signed delivery receipt said it reached the phone. */
    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** A text's signed delivery receipt said it did not reach the phone. */
    @Column(name = "undelivered_at")
    public Instant undeliveredAt;
}
