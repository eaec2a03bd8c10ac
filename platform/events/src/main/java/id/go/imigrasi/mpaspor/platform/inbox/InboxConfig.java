package id.go.imigrasi.mpaspor.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** {@code mpaspor.inbox.*}; defaults in the platform's microprofile-config.properties. */
@ConfigMapping(prefix = "mpaspor.inbox")
public interface InboxConfig {

    /** Attempts of a failing effect (the first included) before the event goes to the dead-letter topic. */
    int maxAttempts();

    Backoff backoff();

    /** Recorded event ids are kept this long. */
    Duration retention();

    interface Backoff {
        Duration initial();

        Duration max();
    }
}
