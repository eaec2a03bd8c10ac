package id.go.imigrasi.mpaspor.platform.admission;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Admission of a service's API requests, on the event loop before the request is matched: at most
 * {@link AdaptiveLimit#limit()} in flight, the limit adapting to keep the admitted requests within
 * {@code mpaspor.admission.target-latency}; the next request is answered at once with 503 problem+json and
 * Retry-After instead of queueing behind the others (and, through the gateway, instead of filling its connection
 * pool until the gateway gives up). The place comes back when the response ends or the connection closes.
 * Metrics: {@code mpaspor.admission.limit}, {@code mpaspor.admission.in.flight}, {@code mpaspor.admission.shed}.
 */
public class ApiAdmission {

    private final AdmissionConfig config;
    private final AdaptiveLimit limit;
    private final Counter shed;

    public ApiAdmission(AdmissionConfig config, MeterRegistry registry) {
        this.config = config;
        this.limit = new AdaptiveLimit(config.minInFlight(), config.initialInFlight(), config.maxInFlight(),
                config.targetLatency(), config.window(), System::nanoTime);
        this.shed = Counter.builder("mpaspor.admission.shed")
                .description("API requests refused at once with 503 because enough were in flight").register(registry);
        if (config.enabled()) {
            Gauge.builder("mpaspor.admission.in.flight", limit, AdaptiveLimit::inFlight).strongReference(true)
                    .description("API requests admitted and not yet answered").register(registry);
            Gauge.builder("mpaspor.admission.limit", limit, AdaptiveLimit::limit).strongReference(true)
                    .description("API requests admitted at once, as adapted to their latency").register(registry);
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> admit(ContainerRequestContext request, RoutingContext routing) {
        if (!config.enabled() || excluded(request.getUriInfo().getPath())) {
            return Uni.createFrom().voidItem();
        }
        if (!limit.tryAcquire()) {
            shed.increment();
            return Uni.createFrom().failure(ProblemException.retryLater(CommonProblem.SERVICE_UNAVAILABLE,
                    config.retryAfter()));
        }
        long admitted = System.nanoTime();
        routing.addEndHandler(ended -> limit.release(System.nanoTime() - admitted));
        return Uni.createFrom().voidItem();
    }

    private boolean excluded(String path) {
        for (String prefix : config.exclude()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
