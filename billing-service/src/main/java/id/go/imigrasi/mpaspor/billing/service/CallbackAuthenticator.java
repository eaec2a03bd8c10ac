package id.go.imigrasi.mpaspor.billing.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.billing.BillingProblem;
import id.go.imigrasi.mpaspor.billing.config.BillingConfig;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Authenticates payment-channel callbacks. Each channel has its own secret. The request carries
 * <ul>
 * <li>{@value #TIMESTAMP_HEADER}: the time of sending, Unix epoch seconds; refused outside the tolerance window
 * (default ±5 minutes) so that a captured request cannot be replayed later;</li>
 * <li>{@value #SIGNATURE_HEADER}: lower-case hex of HMAC-SHA256(secret, timestamp + "." + raw body bytes).</li>
 * </ul>
 * The comparison is constant-time. Anything missing or wrong is a 401 before the body is even parsed.
 */
@ApplicationScoped
public class CallbackAuthenticator {

    public static final String TIMESTAMP_HEADER = "X-Mpaspor-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Mpaspor-Signature";
    /** Shorter secrets are refused at startup. */
    public static final int MIN_SECRET_LENGTH = 32;

    private static final Logger LOG = Logger.getLogger(CallbackAuthenticator.class);

    private final BillingConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public CallbackAuthenticator(BillingConfig config, Clock clock, MeterRegistry metrics) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Fails the start when a listed channel has no name or a missing or weak secret. */
    void checkChannels(@Observes StartupEvent start) {
        for (String channel : config.channelList()) {
            BillingConfig.Channel c = config.channel().get(channel);
            if (c == null || c.secret().filter(s -> s.length() >= MIN_SECRET_LENGTH).isEmpty()) {
                throw new IllegalStateException("payment channel '" + channel + "' needs mpaspor.billing.channel."
                        + channel + ".secret of at least " + MIN_SECRET_LENGTH + " characters (production: "
                        + "environment variable " + envName(channel) + ")");
            }
        }
    }

    /** The environment variable that carries a channel's secret in production. */
    public static String envName(String channel) {
        return "MPASPOR_BILLING_SECRET_" + channel.toUpperCase().replace('-', '_');
    }

    /** Whether the channel may call back at all (unknown channels answer 404). */
    public boolean isChannel(String channel) {
        return channel != null && config.channelList().contains(channel) && config.channel().containsKey(channel);
    }

    public Map<String, BillingConfig.Channel> channels() {
        return config.channel();
    }

    /** Throws the 401 problem unless the callback is authentic and fresh. */
    public void authenticate(String channel, String timestamp, String signature, byte[] body) {
        if (!isChannel(channel)) {
            throw ProblemException.of(BillingProblem.UNKNOWN_CHANNEL, channel);
        }
        Optional<String> secret = config.channel().get(channel).secret();
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            LOG.warnf("callback from %s refused: missing or unreadable %s", channel, TIMESTAMP_HEADER);
            refused(channel, "bad-timestamp");
            throw ProblemException.of(BillingProblem.CALLBACK_TIMESTAMP, config.callback().timestampTolerance().toMinutes());
        }
        byte[] presented = decodeHex(signature);
        byte[] expected = sign(secret.orElseThrow(), timestamp, body);
        if (presented == null || !MessageDigest.isEqual(presented, expected)) {
            LOG.warnf("callback from %s refused: bad signature", channel);
            refused(channel, "bad-signature");
            throw ProblemException.of(BillingProblem.CALLBACK_SIGNATURE);
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs();
        if (skew.compareTo(config.callback().timestampTolerance()) > 0) {
            LOG.warnf("callback from %s refused: timestamp %s off by %s", channel, timestamp, skew);
            refused(channel, "stale-timestamp");
            throw ProblemException.of(BillingProblem.CALLBACK_TIMESTAMP, config.callback().timestampTolerance().toMinutes());
        }
    }

    /** One counter with the business refusals (PaymentCallbacks): ops see a rotated secret as a failure ratio. */
    private void refused(String channel, String reason) {
        refused(metrics, channel, reason);
    }

    static void refused(MeterRegistry metrics, String channel, String reason) {
        Counter.builder("mpaspor.billing.callbacks.refused")
                .description("Payment callbacks refused, by channel and reason").tag("channel", channel)
                .tag("reason", reason).register(metrics).increment();
    }

    /** HMAC-SHA256(secret, timestamp + "." + body). */
    public static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decodeHex(String signature) {
        if (signature == null || signature.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(signature.toLowerCase());
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }
}
