package id.go.imigrasi.mpaspor.platform.mail;

/**
 * A mail a service hands to the {@link MailQueue}: already rendered (subject and body from the service's own message
 * bundles, in the recipient's language), with the service's name for it ({@code kind}, e.g. {@code OTP_VERIFY_EMAIL}).
 * Optionally what it is about ({@code aggregateId}, e.g. the application, so ops find an application's mails) and an
 * idempotency key: a mail whose key is already queued is not queued again, so the step that queues it may run twice
 * (a redelivered event) and the recipient still gets one mail.
 */
public record OutgoingMail(String recipient, String kind, String subject, String body, String aggregateId,
        String idempotencyKey) {

    public OutgoingMail {
        requireText("recipient", recipient);
        requireText("kind", kind);
        requireText("subject", subject);
        if (body == null) {
            throw new IllegalArgumentException("a mail needs a body");
        }
    }

    /** A mail about nothing in particular, queued every time it is asked for. */
    public static OutgoingMail of(String recipient, String kind, String subject, String body) {
        return new OutgoingMail(recipient, kind, subject, body, null, null);
    }

    /** The same mail, about {@code aggregateId}. */
    public OutgoingMail about(String aggregateId) {
        return new OutgoingMail(recipient, kind, subject, body, aggregateId, idempotencyKey);
    }

    /** The same mail, queued at most once under {@code key} (e.g. the id of the event that called for it). */
    public OutgoingMail once(String key) {
        requireText("idempotency key", key);
        return new OutgoingMail(recipient, kind, subject, body, aggregateId, key);
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a mail needs a " + what);
        }
    }
}
