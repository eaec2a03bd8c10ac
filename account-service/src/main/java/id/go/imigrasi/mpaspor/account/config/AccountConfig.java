package id.go.imigrasi.mpaspor.account.config;

import id.go.imigrasi.mpaspor.account.service.BootstrapAdmin;
import id.go.imigrasi.mpaspor.account.service.OtpPolicy;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code mpaspor.account.*}: the account policy; defaults in application.properties. */
@ConfigMapping(prefix = "mpaspor.account")
public interface AccountConfig {

    Jwt jwt();

    Password password();

    OtpPolicy otp();

    Lockout lockout();

    BootstrapAdmin bootstrapAdmin();

    PrivacyNotice privacyNotice();

    DataExport dataExport();

    interface Jwt {
        /** Location (file: URL or classpath) of the PEM public key published as JWKS. */
        String publicKey();

        Duration accessTokenLifetime();

        Duration refreshTokenLifetime();

        /**
         * How long a desk session (an officer acting for a person they registered) lasts at most, however often it
         * is refreshed: the refresh tokens of such a session expire this long after it began.
         */
        @WithDefault("PT2H")
        Duration deskSessionLifetime();
    }

    interface Password {
        int bcryptCost();

        int minLength();

        /** Longest password in characters (NIST: at least 64 must be allowed); bcrypt also caps it at 72 bytes. */
        int maxLength();

        /**
         * Threads hashing passwords. Default: one less than the cores (at least one), so that admission,
         * shedding, the database driver and the event loop always have a core.
         */
        Optional<Integer> hashThreads();

        /** Hash requests waiting beyond the running ones; more are shed with 503 at once. */
        int queue();

        /**
         * Longest expected wait for a hash: a request that would wait longer behind the ones admitted (estimated
         * from the recent hash time, which grows when the machine is busy) is shed with 503 at once, even when
         * the queue has room, so that a served login never hangs.
         */
        Duration maxWait();

        /** Retry-After of a shed request when few are being shed; it grows with the recent refusals. */
        Duration retryAfter();

        /**
         * Upper bound of Retry-After. When many more logins arrive than the hashing pool can serve, Retry-After grows
         * with the refusals of the last second over the pool's rate, so that the crowd's retries spread out instead of
         * costing the CPU the hashes need.
         */
        Duration maxRetryAfter();
    }

    interface OtpPolicy {
        Duration lifetime();

        int maxAttempts();

        Duration resendInterval();

        int maxPerHour();

        String pepper();
    }

    interface Lockout {
        /** Attempts of one email from one client within {@code window}; the last one failing locks that pair. */
        int maxFailures();

        Duration window();

        /** How long (email, client) stays locked. */
        Duration duration();

        /** The email's back-off over all clients, slower and never a lock of its own. */
        Global global();

        interface Global {
            /** Attempts of one email from anywhere within {@code window} before the back-off starts. */
            int freeAttempts();

            Duration window();

            /** Wait after the first attempt past the free ones; it doubles with each further attempt. */
            Duration baseDelay();

            /** The longest wait between two attempts: a victim is never kept out longer than this. */
            Duration maxDelay();
        }
    }

    /**
     * The privacy notice (UU PDP 27/2022): its current version is the one source of truth for the website too (it
     * reads it from the public {@code GET /accounts/privacy-notice}). A new version makes every account that accepted
     * an older one accept again.
     */
    interface PrivacyNotice {
        /** The current version, e.g. {@code 2026-12-01}: what a registration must accept. */
        String version();

        /** E-mail address of the data protection officer, named in the notice. */
        String contactEmail();
    }

    interface BootstrapAdmin {
        Optional<String> email();

        Optional<String> password();
    }

    interface DataExport {
        /** How long a ready export can be downloaded; then its content is deleted (the record stays). */
        Duration linkLifetime();
    }
}
