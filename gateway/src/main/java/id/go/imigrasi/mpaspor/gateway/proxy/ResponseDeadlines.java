package id.go.imigrasi.mpaspor.gateway.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * How long the gateway waits for a service's answer (its status line and headers) on each route: the
 * {@code proxy.response-timeout} (5 s), longer for the routes listed in {@code proxy.slow-routes}
 * ({@code <public path prefix>=<duration>}, the longest prefix wins: an invoice PDF, a tus upload's creation),
 * and {@code proxy.upload-timeout} for a tus {@code PATCH} whose body streams for as long as the chunk takes.
 * Past it the service's request is reset and the client gets 503 + Retry-After: a hung service holds a request
 * for this long at most, never for the client's own timeout.
 */
@Singleton
public class ResponseDeadlines {

    private final Duration standard;
    private final Duration upload;
    private final List<Map.Entry<String, Duration>> slow;

    @Inject
    public ResponseDeadlines(GatewayConfig config) {
        this(config.proxy().responseTimeout(), config.proxy().uploadTimeout(),
                config.proxy().slowRoutes().orElse(List.of()));
    }

    ResponseDeadlines(Duration standard, Duration upload, List<String> slowRoutes) {
        this.standard = standard;
        this.upload = upload;
        List<Map.Entry<String, Duration>> parsed = new ArrayList<>();
        DurationConverter durations = new DurationConverter();
        for (String entry : slowRoutes) {
            int equals = entry.lastIndexOf('=');
            if (equals <= 0 || !entry.startsWith("/")) {
                throw new IllegalArgumentException("mpaspor.gateway.proxy.slow-routes: '" + entry
                        + "' is not <public path prefix>=<duration>");
            }
            parsed.add(Map.entry(entry.substring(0, equals).trim(), durations.convert(entry.substring(equals + 1).trim())));
        }
        parsed.sort(Comparator.comparingInt((Map.Entry<String, Duration> e) -> e.getKey().length()).reversed());
        this.slow = List.copyOf(parsed);
    }

    /** Whether requests to {@code publicPath} have the standard deadline (not a slow route). */
    public boolean isStandard(String publicPath) {
        return of(publicPath, false).equals(standard);
    }

    /** The deadline of a request to the canonical public path {@code publicPath}; {@code tusPatch}: a chunk's body. */
    public Duration of(String publicPath, boolean tusPatch) {
        if (tusPatch) {
            return upload;
        }
        for (Map.Entry<String, Duration> route : slow) {
            String prefix = route.getKey();
            if (publicPath.regionMatches(true, 0, prefix, 0, prefix.length())
                    && (publicPath.length() == prefix.length() || publicPath.charAt(prefix.length()) == '/')) {
                return route.getValue();
            }
        }
        return standard;
    }
}
