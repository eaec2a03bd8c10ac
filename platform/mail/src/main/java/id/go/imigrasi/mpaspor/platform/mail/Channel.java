package id.go.imigrasi.mpaspor.platform.mail;

/**
 * How a message reaches a person: e-mail through SMTP, or a text through the SMS/WhatsApp provider
 * ({@link TextMessages}). One outbox ({@code queued_mail}) carries all three, so every channel has the same
 * guarantees: queued in the step's transaction, at most once per idempotency key, retried with backoff, dead after
 * the last attempt.
 */
public enum Channel {
    EMAIL, SMS, WHATSAPP;

    /** A text channel: the recipient is a phone number (+62...), there is no subject. */
    public boolean text() {
        return this != EMAIL;
    }
}
