package id.go.imigrasi.mpaspor.application.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** {@code mpaspor.nik-claim.*}: claiming a NIK back from another account's draft; defaults in application.properties. */
@ConfigMapping(prefix = "mpaspor.nik-claim")
public interface NikClaimConfig {

    /** A code sent to the registered number is valid this long. */
    Duration codeValidity();

    /** Codes tried per claim; then the claim is closed. */
    int maxAttempts();

    /** Claims (codes sent) per NIK within {@link #window()}: the owner's phone cannot be flooded. */
    int maxPerNik();

    Duration window();

    /** Retry-After when Dukcapil or the SMS provider does not answer. */
    Duration retryAfter();
}
