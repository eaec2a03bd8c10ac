package id.go.imigrasi.mpaspor.quota.service;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Admission of holds: at most {@code mpaspor.quota.admission.max-in-flight} holds of this instance run at once;
 * the next one is refused at once with 503 and Retry-After, before it touches the database. A queue in front of
 * the connection pool would only turn a spike into timeouts for everyone; a fast refusal lets the client come
 * back (with jitter) while the admitted holds keep their latency. Capacity itself stays the database's business:
 * the limit protects latency, never the no-overbooking rule.
 */
@ApplicationScoped
public class HoldAdmission {

    private final Semaphore permits;
    private final QuotaConfig.Admission policy;
    private final Counter shed;

    public HoldAdmission(QuotaConfig config, MeterRegistry registry) {
        this.policy = config.admission();
        this.permits = new Semaphore(policy.maxInFlight());
        this.shed = Counter.builder("mpaspor.quota.holds.shed")
                .description("Holds refused at once with 503 because the instance had enough in flight")
                .register(registry);
        int limit = policy.maxInFlight();
        Gauge.builder("mpaspor.quota.holds.in.flight", permits, p -> limit - p.availablePermits())
                .strongReference(true).description("Holds admitted and not yet answered").register(registry);
        Gauge.builder("mpaspor.quota.holds.limit", permits, p -> limit).strongReference(true)
                .description("Holds admitted at once per instance").register(registry);
    }

    /** Runs the hold if a permit is free (released when its answer is ready), or refuses it at once. */
    public <T> Uni<T> admit(Supplier<Uni<T>> hold) {
        if (!permits.tryAcquire()) {
            shed.increment();
            return Uni.createFrom().failure(ProblemException.retryLater(CommonProblem.SERVICE_UNAVAILABLE,
                    policy.retryAfter()));
        }
        return Uni.createFrom().<T>deferred(() -> hold.get()).onTermination().invoke(permits::release);
    }
}
