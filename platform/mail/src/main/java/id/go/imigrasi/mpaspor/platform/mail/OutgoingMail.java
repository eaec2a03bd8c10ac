package id.go.imigrasi.mpaspor.platform.mail;

/**
 * A mail a service hands to the {@link MailQueue}: already rendered (subject and body from the service's own message
 * bundles, in the recipient's language), with the service's name for it ({@code kind}, e.g. {@code OTP_VERIFY_EMAIL}).
 * Its {@link Channel} is e-mail unless it is a text ({@link #text}: SMS or WhatsApp to a phone number, no subject).
 * Optionally what it is about ({@code aggregateId}, e.g. the application, so ops find an application's mails) and an
 * idempotency key: a mail whose key is already queued is not queued again, so the step that queues it may run twice
 * (a redelivered event) and the recipient still gets one mail.
 */
public record OutgoingMail(String recipient, String kind, String subject, String body, String aggregateId,
        String idempotencyKey, Channel channel) {

    public OutgoingMail {
        if (channel == null) {
            throw new IllegalArgumentException("a mail needs a channel");
        }
        requireText("recipient", recipient);
        requireText("kind", kind);
        requireText("subject", subject);
        if (body == null) {
            throw new IllegalArgumentException("a mail needs a body");
        }
    }

    /** A mail about nothing in particular, queued every time it is asked for. */
    public static OutgoingMail of(String recipient, String kind, String subject, String body) {
        return new OutgoingMail(recipient, kind, subject, body, null, null, Channel.EMAIL);
    }

    /**
     * A text to {@code phone} over SMS or WhatsApp, queued every time it is asked for; its subject (kept for the
     * queue's listing only, never sent) is the kind.
     */
    public static OutgoingMail text(Channel channel, String phone, String kind, String body) {
        if (channel == null || !channel.text()) {
            throw new IllegalArgumentException("a text goes by SMS or WhatsApp, not " + channel);
        }
        return new OutgoingMail(phone, kind, kind, body, null, null, channel);
    }

    /** The same mail, about {@code aggregateId}. */
    public OutgoingMail about(String aggregateId) {
        return new OutgoingMail(recipient, kind, subject, body, aggregateId, idempotencyKey, channel);
    }

    /** The same mail, queued at most once under {@code key} (e.g. the id of the event that called for it). */
    public OutgoingMail once(String key) {
        requireText("idempotency key", key);
        return new OutgoingMail(recipient, kind, subject, body, aggregateId, key, channel);
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a mail needs a " + what);
        }
    }
}
