package id.go.imigrasi.mpaspor.quota.service;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.admission.AdaptiveLimit;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Admission of holds: at most {@link AdaptiveLimit#limit()} holds of this instance run at once; the next one is
 * refused at once with 503 and Retry-After, before it touches the database. A queue in front of the connection
 * pool would only turn a spike into timeouts for everyone; a fast refusal lets the client come back (with
 * jitter) while the admitted holds keep their latency. The limit adapts between
 * {@code mpaspor.quota.admission.min-in-flight} and {@code max-in-flight} to keep the admitted holds within
 * {@code target-latency} (fixed at the maximum when the target is zero). Capacity itself stays the database's
 * business: the limit protects latency, never the no-overbooking rule.
 */
@ApplicationScoped
public class HoldAdmission {

    private final AdaptiveLimit limit;
    private final QuotaConfig.Admission policy;
    private final Counter shed;

    public HoldAdmission(QuotaConfig config, MeterRegistry registry) {
        this.policy = config.admission();
        boolean adaptive = !policy.targetLatency().isZero();
        this.limit = adaptive
                ? new AdaptiveLimit(policy.minInFlight(), policy.initialInFlight(), policy.maxInFlight(),
                        policy.targetLatency(), policy.window(), System::nanoTime)
                : new AdaptiveLimit(policy.maxInFlight(), policy.maxInFlight(), policy.maxInFlight(),
                        Duration.ofDays(1), Duration.ofDays(1), System::nanoTime);
        this.shed = Counter.builder("mpaspor.quota.holds.shed")
                .description("Holds refused at once with 503 because the instance had enough in flight")
                .register(registry);
        Gauge.builder("mpaspor.quota.holds.in.flight", limit, AdaptiveLimit::inFlight).strongReference(true)
                .description("Holds admitted and not yet answered").register(registry);
        Gauge.builder("mpaspor.quota.holds.limit", limit, AdaptiveLimit::limit).strongReference(true)
                .description("Holds admitted at once per instance, as adapted to their latency").register(registry);
    }

    /** Runs the hold if a place is free (given back when its answer is ready), or refuses it at once. */
    public <T> Uni<T> admit(Supplier<Uni<T>> hold) {
        if (!limit.tryAcquire()) {
            shed.increment();
            return Uni.createFrom().failure(ProblemException.retryLater(CommonProblem.SERVICE_UNAVAILABLE,
                    policy.retryAfter()));
        }
        long admitted = System.nanoTime();
        return Uni.createFrom().<T>deferred(() -> hold.get())
                .onTermination().invoke(() -> limit.release(System.nanoTime() - admitted));
    }

    /** The current limit (for tests and dashboards; also the gauge {@code mpaspor.quota.holds.limit}). */
    public int limit() {
        return limit.limit();
    }
}
