package id.go.imigrasi.mpaspor.gateway.proxy;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.gateway.routing.Upstream;
import id.go.imigrasi.mpaspor.platform.admission.AdaptiveLimit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many requests the gateway sends to each service at once, adapted to the latency the service gives them,
 * the time in its queues included ({@link AdaptiveLimit}: fewer while answers are slow under load, more while
 * they are quick at the limit; at most the connection pool). The gateway sees what a service cannot: how long a
 * request waited before the service even read it. Without this, an overloaded service fills the gateway's pool
 * and every further request waits there for the connect timeout before its 503; with it, the excess is answered
 * 503 + Retry-After at once, and what is admitted is answered in time. Paths with their own admission in the
 * service (tus uploads: long by nature) are not counted. Metrics: {@code mpaspor.gateway.upstream.limit} and
 * {@code mpaspor.gateway.upstream.in.flight} by service.
 */
@ApplicationScoped
public class UpstreamAdmission {

    /** A place in flight; {@link #release()} once, when the response ended or the connection closed. */
    public interface Place {
        void release();
    }

    private static final Place UNCOUNTED = () -> {
    };

    private final GatewayConfig.Proxy.Admission policy;
    private final Map<Upstream, AdaptiveLimit> limits = new EnumMap<>(Upstream.class);

    public UpstreamAdmission(GatewayConfig config, MeterRegistry registry) {
        this.policy = config.proxy().admission();
        int max = config.proxy().maxPoolSize();
        for (Upstream upstream : Upstream.values()) {
            AdaptiveLimit limit = new AdaptiveLimit(policy.minInFlight(), policy.initialInFlight(), max,
                    policy.targetLatency(), policy.window(), System::nanoTime);
            limits.put(upstream, limit);
            if (policy.enabled()) {
                Gauge.builder("mpaspor.gateway.upstream.limit", limit, AdaptiveLimit::limit).strongReference(true)
                        .tag("service", upstream.serviceName())
                        .description("Requests sent to the service at once, as adapted to its latency").register(registry);
                Gauge.builder("mpaspor.gateway.upstream.in.flight", limit, AdaptiveLimit::inFlight)
                        .strongReference(true).tag("service", upstream.serviceName())
                        .description("Requests sent to the service and not yet answered").register(registry);
            }
        }
    }

    /** A place for a request of {@code path} to {@code upstream}, or null when the service has enough in flight. */
    public Place admit(Upstream upstream, String path) {
        if (!policy.enabled() || excluded(path)) {
            return UNCOUNTED;
        }
        AdaptiveLimit limit = limits.get(upstream);
        if (!limit.tryAcquire()) {
            return null;
        }
        long admitted = System.nanoTime();
        return () -> limit.release(System.nanoTime() - admitted);
    }

    private boolean excluded(String path) {
        for (String prefix : policy.exclude()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
