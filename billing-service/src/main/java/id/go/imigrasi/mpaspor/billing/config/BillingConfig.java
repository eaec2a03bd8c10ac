package id.go.imigrasi.mpaspor.billing.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * {@code mpaspor.billing.*}: the billing policy. Defaults are in application.properties; channel secrets come
 * from the environment in production (see the README).
 */
@ConfigMapping(prefix = "mpaspor.billing")
public interface BillingConfig {

    /** PNBP tariff (PP 45/2024). */
    Fees fees();

    /** How long a bill can be paid after it is issued (2 hours). */
    Duration paymentDeadline();

    /** The zone of the deadline printed on the invoice and of the reconciliation day (Asia/Jakarta, WIB). */
    ZoneId timeZone();

    /** First digit of every billing code. */
    @WithName("code-prefix")
    int codePrefix();

    Callback callback();

    Expiry expiry();

    /** The payment channels that may call back, in the order the invoice lists them. */
    List<String> channelList();

    /** Per channel (key = the path segment of its callback URL): display name and HMAC secret. */
    Map<String, Channel> channel();

    interface Fees {
        /** Keyed {@code ordinary-5}, {@code ordinary-10}, {@code electronic-5}, {@code electronic-10}; rupiah. */
        Map<String, Long> passport();

        /** Same-day service (percepatan), on top of the passport fee; rupiah. */
        long sameDaySurcharge();

        /** An applicant younger than this is a minor... */
        int adultAge();

        /** ...and gets at most this validity. */
        int minorMaxValidityYears();
    }

    interface Callback {
        /** A callback whose timestamp differs from the server clock by more than this is refused. */
        Duration timestampTolerance();
    }

    interface Expiry {
        /** How often the expiry job runs ({@code off} disables it). */
        String every();

        /** Bills claimed per transaction. */
        int batchSize();
    }

    interface Channel {
        /** As printed on the invoice. */
        String name();

        /** The HMAC-SHA256 key; production reads it from the environment. */
        Optional<String> secret();
    }
}
