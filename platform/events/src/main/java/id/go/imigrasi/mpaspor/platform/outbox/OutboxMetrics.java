package id.go.imigrasi.mpaspor.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What ops watch on the outbox: how many events wait ({@code mpaspor_outbox_pending}), how old the oldest is
 * ({@code mpaspor_outbox_lag_seconds}), how many were published or failed, commit-to-ack latency, and how long
 * the relay has been waiting for Kafka to acknowledge the records it sent ({@code mpaspor_outbox_inflight_seconds}:
 * 0 normally, growing while a broker is frozen or away).
 */
public final class OutboxMetrics {

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicReference<Instant> waitingSince = new AtomicReference<>();
    private final Counter published;
    private final Counter failures;
    private final Timer delivery;

    public OutboxMetrics(MeterRegistry registry) {
        // Strong references: a gauge must never turn into a dropped NaN because its value holder was collected
        // (e.g. when a test JVM restarts the application and the registry hands back an earlier gauge).
        Gauge.builder("mpaspor.outbox.pending", pending, AtomicLong::get).strongReference(true)
                .description("Outbox events committed but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("mpaspor.outbox.lag.seconds", lagMillis, v -> v.get() / 1000.0).strongReference(true)
                .description("Age of the oldest unpublished outbox event").register(registry);
        Gauge.builder("mpaspor.outbox.inflight.seconds", waitingSince, OutboxMetrics::secondsSince)
                .strongReference(true)
                .description("How long the relay has been waiting for Kafka's acks of the records it sent")
                .register(registry);
        published = Counter.builder("mpaspor.outbox.published").description("Outbox events published to Kafka")
                .register(registry);
        failures = Counter.builder("mpaspor.outbox.publish.failures")
                .description("Relay rounds that failed and were rolled back for a retry").register(registry);
        delivery = Timer.builder("mpaspor.outbox.delivery").description("From commit of the event to Kafka's ack")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    void backlog(long count, Duration oldest) {
        pending.set(count);
        lagMillis.set(oldest.toMillis());
    }

    void waitingSince(Instant since) {
        waitingSince.set(since);
    }

    private static double secondsSince(AtomicReference<Instant> since) {
        Instant start = since.get();
        return start == null ? 0 : Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    void published(Duration sinceCommit) {
        published.increment();
        delivery.record(sinceCommit);
    }

    void failed() {
        failures.increment();
    }

    public long pending() {
        return pending.get();
    }

    public Duration lag() {
        return Duration.ofMillis(lagMillis.get());
    }
}
