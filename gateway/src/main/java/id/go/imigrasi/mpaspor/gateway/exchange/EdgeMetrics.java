package id.go.imigrasi.mpaspor.gateway.exchange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What ops watch at the edge: requests the gateway answered itself ({@code mpaspor_gateway_rejected_total} by
 * reason and scope) and services that could not be reached ({@code mpaspor_gateway_upstream_unavailable_total}
 * by service and cause: {@code pool-full} and {@code pool-wait} are the gateway's own connections to the service
 * running out, {@code refused}, {@code no-answer} and {@code dropped} the service's side, {@code keys} the
 * verification keys out of reach).
 */
@ApplicationScoped
public class EdgeMetrics {

    private final MeterRegistry registry;
    /**
     * The rejection counters by reason and scope, registered once: a flood of refused requests asked the registry
     * for its counter (a new id, tags sorted, a map lookup) on each one (issue 20). Reasons and scopes are the
     * gateway's own words, a handful of each, never a request's.
     */
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();

    public EdgeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void rejected(String reason, String scope) {
        rejections.computeIfAbsent(reason + ' ' + scope, key -> Counter.builder("mpaspor.gateway.rejected")
                .description("Requests the gateway answered itself").tag("reason", reason).tag("scope", scope)
                .register(registry)).increment();
    }

    public void upstreamUnavailable(String service, String cause) {
        Counter.builder("mpaspor.gateway.upstream.unavailable")
                .description("Requests answered 503 because the service did not accept or answer in time")
                .tag("service", service).tag("cause", cause).register(registry).increment();
    }

    /**
     * Why a service could not be reached, as the {@code cause} tag says it: the 2026-12-04 benchmark's 295k
     * position checks refused by the gateway's own connection pool showed only in the log.
     */
    public static String causeOf(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        if (failure instanceof io.vertx.core.http.ConnectionPoolTooBusyException
                || message.contains("max wait queue")) {
            return "pool-full";
        }
        if (message.contains("when getting a connection")) {
            return "pool-wait";
        }
        if (failure instanceof java.net.ConnectException) {
            return "refused";
        }
        if (failure instanceof java.util.concurrent.TimeoutException) {
            return "no-answer";
        }
        return "dropped";
    }
}
