package id.go.imigrasi.mpaspor.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.platform.admission.AdaptiveLimit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Admission of submissions by the work they start, not by the request: a submission is answered at once, but its
 * billing code comes later, after ApplicationSubmitted -> billing-service -> BillingIssued -> our consumer. Under
 * overload that chain backs up while the submit requests themselves stay quick, so a limit on requests in flight
 * cannot see it. Here a submission is admitted only while the submissions still waiting for their billing code
 * (SUBMITTED, no code yet, submitted within {@code counted-for}) stay below a limit; past it the applicant gets 503
 * + Retry-After at once and nothing changes, instead of a billing code seconds late.
 * <p>
 * The count comes from the database, so it covers every instance: it is read at most every {@code refresh}, in the
 * background (a request never waits for it), and the submissions this instance admitted since are added. The limit
 * adapts ({@link AdaptiveLimit}, AIMD) to keep submit -> billing code applied within {@code target-latency}: the
 * BillingIssued consumer reports each application's wait, whichever instance it runs on. A submission admitted just
 * before a count started and committed just after it is missed by one refresh: the limit is a regulator, not a
 * guarantee, and an exact count would cost a statement per submission.
 */
@ApplicationScoped
public class SubmissionAdmission {

    private static final Logger LOG = Logger.getLogger(SubmissionAdmission.class);
    static final String WAITING = "SELECT count(*) FROM application WHERE status = 'SUBMITTED' AND billing_code IS NULL"
            + " AND submitted_at > now() - make_interval(secs => $1)";

    private final Pool pool;
    private final ApplicationConfig.SubmissionAdmission config;
    private final AdaptiveLimit limit;
    private final long refreshNanos;
    private final AtomicBoolean counting = new AtomicBoolean();
    private final AtomicInteger admittedSinceCount = new AtomicInteger();
    private final Counter refused;
    private volatile int waiting;
    private volatile long countedAt = System.nanoTime() - Long.MAX_VALUE / 2;

    public SubmissionAdmission(Pool pool, ApplicationConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.config = config.submissionAdmission();
        this.limit = new AdaptiveLimit(this.config.minWaiting(), this.config.initialWaiting(), this.config.maxWaiting(),
                this.config.targetLatency(), this.config.window(), System::nanoTime);
        this.refreshNanos = this.config.refresh().toNanos();
        Gauge.builder("mpaspor.application.submissions.limit", limit, AdaptiveLimit::limit).strongReference(true)
                .description("submissions that may wait for their billing code at once").register(registry);
        Gauge.builder("mpaspor.application.submissions.waiting", this, a -> a.waiting()).strongReference(true)
                .description("submissions waiting for their billing code (last count + admitted since)")
                .register(registry);
        this.refused = Counter.builder("mpaspor.application.submissions.refused")
                .description("submissions answered 503 because too many wait for their billing code").register(registry);
    }

    /** True when a submission may go ahead now; never waits. */
    public boolean tryAdmit() {
        if (!config.enabled()) {
            return true;
        }
        countIfStale();
        if (limit.admit(waiting())) {
            admittedSinceCount.incrementAndGet();
            return true;
        }
        refused.increment();
        return false;
    }

    /** The billing code of a submission made at {@code submittedAt} has just been applied. */
    public void billingApplied(Instant submittedAt) {
        if (config.enabled() && submittedAt != null) {
            limit.observe(Math.max(0, Duration.between(submittedAt, Instant.now()).toNanos()));
        }
    }

    public Duration retryAfter() {
        return config.retryAfter();
    }

    int waiting() {
        return waiting + admittedSinceCount.get();
    }

    private void countIfStale() {
        if (System.nanoTime() - countedAt < refreshNanos || !counting.compareAndSet(false, true)) {
            return;
        }
        int admittedBefore = admittedSinceCount.get();
        pool.preparedQuery(WAITING).execute(Tuple.of(config.countedFor().toSeconds())).subscribe().with(rows -> {
            waiting = rows.iterator().next().getLong(0).intValue();
            admittedSinceCount.addAndGet(-admittedBefore);
            done();
        }, failure -> {
            LOG.debugf("counting the submissions waiting for a billing code failed: %s", failure.toString());
            done();
        });
    }

    private void done() {
        countedAt = System.nanoTime();
        counting.set(false);
    }
}
