package id.go.imigrasi.mpaspor.platform.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What ops watch on the retention jobs (UU PDP 27/2022: personal data is kept no longer than its purpose needs):
 * <ul>
 * <li>{@code mpaspor_retention_deleted_total{service, kind}}: what each job deleted (or anonymised), by kind of
 * data; counted once per row, in the transaction that deleted it, whichever instance did;</li>
 * <li>{@code mpaspor_retention_last_success_timestamp_seconds{service, task}}: when this instance last finished a
 * run of the task without failure. Until its first run it holds the instance's start, so a fresh instance has its
 * whole period to run before the alert {@code RetentionJobNotRunning} (no run for over two days) can fire.</li>
 * </ul>
 * Each job declares its task and kinds at startup ({@link #task}), so every series exists from the start (at 0).
 */
@ApplicationScoped
public class RetentionMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final String service;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();

    public RetentionMetrics(MeterRegistry registry, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.registry = registry;
        this.clock = clock;
        this.service = service;
    }

    /** The metrics of one retention task and the kinds of data it deletes; the same object for the same name. */
    public Task task(String name, String... kinds) {
        return tasks.computeIfAbsent(name, n -> new Task(n, kinds));
    }

    /** One retention task's counters and its last success. */
    public final class Task {

        private final String name;
        private final Map<String, Counter> deleted = new ConcurrentHashMap<>();
        private final AtomicReference<Instant> lastSuccess;

        private Task(String name, String... kinds) {
            this.name = name;
            this.lastSuccess = new AtomicReference<>(clock.instant());
            // strong reference: a gauge must not turn into NaN because its holder was collected
            Gauge.builder("mpaspor.retention.last.success.timestamp.seconds", lastSuccess,
                    at -> at.get().toEpochMilli() / 1000.0).strongReference(true)
                    .tags("service", service, "task", name)
                    .description("When this instance last finished the retention task (its start before the first run)")
                    .register(registry);
            for (String kind : kinds) {
                counter(kind);
            }
        }

        private Counter counter(String kind) {
            return deleted.computeIfAbsent(kind, k -> Counter.builder("mpaspor.retention.deleted")
                    .tags("service", service, "kind", k)
                    .description("Personal data deleted or anonymised by the retention jobs, by kind")
                    .register(registry));
        }

        public String name() {
            return name;
        }

        /** {@code count} things of {@code kind} were deleted (committed). */
        public void deleted(String kind, long count) {
            if (count > 0) {
                counter(kind).increment(count);
            }
        }

        /** The run finished without failure. */
        public void succeeded() {
            lastSuccess.set(clock.instant());
        }

        /** Deleted so far by this instance (its counter's value). */
        public double deletedCount(String kind) {
            return counter(kind).count();
        }

        public Instant lastSuccess() {
            return lastSuccess.get();
        }
    }
}
