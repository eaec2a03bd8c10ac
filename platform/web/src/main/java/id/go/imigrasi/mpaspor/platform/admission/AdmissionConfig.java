package id.go.imigrasi.mpaspor.platform.admission;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code mpaspor.admission.*}: admission of a service's API requests ({@link ApiAdmission}). Off unless a
 * service turns it on; paths with their own admission (tus uploads, holds) and {@code /q/} are left out.
 */
@ConfigMapping(prefix = "mpaspor.admission")
public interface AdmissionConfig {

    @WithDefault("false")
    boolean enabled();

    /** Fewest requests in flight at once, however slow they are. */
    @WithDefault("16")
    int minInFlight();

    /** The limit when the service starts, before it has seen any latency. */
    @WithDefault("64")
    int initialInFlight();

    /** Most requests in flight at once, however quick they are. */
    @WithDefault("256")
    int maxInFlight();

    /** The latency the admitted requests should keep, from admission to the end of the response. */
    @WithDefault("PT0.25S")
    Duration targetLatency();

    /** How often the limit is adapted. */
    @WithDefault("PT0.1S")
    Duration window();

    /** What a refused client is told to wait. */
    @WithDefault("PT1S")
    Duration retryAfter();

    /** Path prefixes (after the service's root) left to their own admission. */
    @WithDefault("/q/")
    List<String> exclude();
}
