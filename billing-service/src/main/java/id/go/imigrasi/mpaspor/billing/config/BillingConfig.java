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

    /** Refund cases: the payout job and the cancellation rule. */
    Refund refund();

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

    interface Refund {
        /** How often the payout job pays approved cases ({@code off} disables it). */
        String every();

        /** Cases claimed per run. */
        int batchSize();

        /** A case being paid is not claimed again for this long (a crashed run's cases come back after it). */
        Duration lease();

        /** Wait after the first failed payout; doubled after each further failure... */
        Duration backoffInitial();

        /** ...up to this. */
        Duration backoffMax();

        /** A paid application cancelled within this time of payment may be refunded (CancellationRefundPolicy). */
        Duration cancellationWindow();

        /** ...and only when cancelled at least this long before its appointment day begins. */
        Duration cancellationNotice();
    }

    interface Channel {
        /** As printed on the invoice. */
        String name();

        /** The HMAC-SHA256 key; production reads it from the environment. */
        Optional<String> secret();
    }
}
