package id.go.imigrasi.mpaspor.web;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code mpaspor.web.*}: where the public API is, and how long a visitor's session lives. */
@ConfigMapping(prefix = "mpaspor.web")
public interface WebConfig {

    /** The gateway's public API ({@code .../api/v1}); the website calls nothing else. */
    URI apiUrl();

    /** How long to wait for one answer of the API before showing the "busy" page. */
    @WithDefault("PT15S")
    Duration apiTimeout();

    /** A session unused for this long is forgotten (the visitor logs in again). */
    @WithDefault("PT30M")
    Duration sessionIdle();

    /** Most sessions kept at once; the least recently used go first beyond it. */
    @WithDefault("100000")
    int maxSessions();

    /** Seconds between two looks at a bill waiting for its payment, or a document being validated. */
    @WithDefault("4")
    int pollSeconds();
}
