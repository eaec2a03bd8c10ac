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

    interface Dispatch {
        /** How often the dispatcher looks for due mails besides being woken after commits ({@code off}: never). */
        String every();
    }

    /** The wait after the n-th failed attempt: {@code initial * 2^(n-1)}, at most {@code max}. */
    interface Backoff {
        Duration initial();

        Duration max();
    }
}
