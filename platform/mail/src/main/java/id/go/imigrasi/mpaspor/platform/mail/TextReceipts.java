package id.go.imigrasi.mpaspor.platform.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The provider's delivery receipts of our texts. A receipt counts only with a valid signature: header
 * {@code X-Provider-Signature: sha256=<hex HMAC-SHA256 of the raw body>} under {@code mpaspor.mail.text.receipt-secret}
 * (compared in constant time); without a configured secret no receipt is believed. A valid receipt records, once,
 * that the text reached the phone ({@code delivered_at}) or did not ({@code undelivered_at}); a receipt for a text we
 * do not know, or a second receipt, changes nothing.
 */
@ApplicationScoped
public class TextReceipts {

    public static final String SIGNATURE_HEADER = "X-Provider-Signature";

    private static final String DELIVERED = "UPDATE queued_mail SET delivered_at = :at WHERE provider_message_id = :id"
            + " AND delivered_at IS NULL AND undelivered_at IS NULL";
    private static final String UNDELIVERED = "UPDATE queued_mail SET undelivered_at = :at"
            + " WHERE provider_message_id = :id AND delivered_at IS NULL AND undelivered_at IS NULL";

    /** What a receipt did. */
    public enum Outcome {
        RECORDED, ALREADY_KNOWN_OR_UNKNOWN, BAD_SIGNATURE
    }

    private final MailConfig config;
    private final MailMetrics metrics;

    public TextReceipts(MailConfig config, MailMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** {@code true} when {@code signature} is the configured secret's signature of {@code body}. */
    public boolean signedByProvider(byte[] body, String signature) {
        Optional<String> secret = config.text().receiptSecret();
        if (secret.isEmpty() || signature == null) {
            return false;
        }
        byte[] expected = sign(body, secret.get().getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256=<hex HMAC-SHA256>} of {@code body} under {@code secret}. */
    public static String sign(byte[] body, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a verified receipt: {@code delivered} or not, for the provider's message {@code providerId}. */
    public Uni<Outcome> record(String providerId, boolean delivered, Instant at) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(delivered ? DELIVERED : UNDELIVERED)
                .setParameter("at", at).setParameter("id", providerId).executeUpdate()))
                .map(changed -> {
                    if (changed == 0) {
                        return Outcome.ALREADY_KNOWN_OR_UNKNOWN;
                    }
                    metrics.receipt(delivered);
                    return Outcome.RECORDED;
                });
    }
}
