package id.go.imigrasi.mpaspor.platform.mail;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;

/** {@code mpaspor.mail.*}: the mail outbox; defaults in platform-mail's microprofile-config.properties. */
@ConfigMapping(prefix = "mpaspor.mail")
public interface MailConfig {

    Dispatch dispatch();

    /** Mails claimed (and then sent one by one) per claim. */
    @Min(1)
    int batch();

    /** A dispatcher owns the mails it claimed this long; then another may take them over. */
    Duration lease();

    Backoff backoff();

    /** Attempts before a mail is given up (dead: kept, counted); at least 1 (checked at startup). */
    @Min(1)
    int maxAttempts();

    Retention retention();

    Text text();

    /** Texts (SMS, WhatsApp) through the provider ({@link TextMessages}); its URL: {@code quarkus.rest-client.text-messages.url}. */
    interface Text {
        /**
         * Where the provider posts its signed delivery receipts for this service ({@code .../notifications/text-receipts}
         * on this service's own address); none: the provider sends none.
         */
        java.util.Optional<String> statusCallback();

        /** The secret the provider signs receipts with; none: no receipt is believed. */
        java.util.Optional<String> receiptSecret();
    }

    interface Dispatch {
        /** How often the dispatcher looks for due mails besides being woken after commits ({@code off}: never). */
        String every();
    }

    /**
     * How long sent and dead mails (recipient address, subject, kind, times) are kept before the daily purge
     * ({@link MailRetention}) deletes them. Mails not yet sent nor given up are never purged.
     */
    interface Retention {
        /** When the purge runs (Quartz cron, the instance's zone; {@code off}: never, tests run it themselves). */
        String cron();

        /** A sent mail is deleted this long after it was sent. */
        Duration sent();

        /** A dead mail (given up) is deleted this long after it was given up: ops' time to look at it. */
        Duration dead();

        /** Rows deleted per transaction. */
        @Min(1)
        int batch();
    }

    /** The wait after the n-th failed attempt: {@code initial * 2^(n-1)}, at most {@code max}. */
    interface Backoff {
        Duration initial();

        Duration max();
    }
}
