package id.go.imigrasi.mpaspor.biometric.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.biometric.config.BiometricConfig;
import id.go.imigrasi.mpaspor.biometric.repository.RetentionQueries;
import id.go.imigrasi.mpaspor.platform.retention.RetentionMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * biometric-service's retention rule (UU PDP 27/2022; {@code mpaspor.biometric.retention.*}, docs/privacy.md
 * "Retention"), daily ({@code jobs.Jobs}), on any number of instances at once: appointments closed without a
 * passport lose the person's name and NIKs once their day is {@code anonymise-after} past, and bookings their
 * applicants once none of their appointments keeps them. Appointments that led to a passport keep them (the record
 * of the handover). Batches of {@code mpaspor.biometric.jobs.batch-size}, each one transaction; one log line per run
 * and {@code mpaspor_retention_deleted_total}.
 */
@ApplicationScoped
@Startup
public class Retention {

    public static final String TASK = "biometric";
    public static final String APPOINTMENTS = "appointments_anonymised";
    public static final String BOOKINGS = "bookings_anonymised";

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** What one run anonymised (this instance's share when several run at once). */
    public record Report(int appointments, int bookings) {
    }

    private final RetentionQueries queries;
    private final BiometricConfig config;
    private final Clock clock;
    private final RetentionMetrics.Task metrics;

    public Retention(RetentionQueries queries, BiometricConfig config, Clock clock, RetentionMetrics metrics) {
        this.queries = queries;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics.task(TASK, APPOINTMENTS, BOOKINGS);
    }

    /** One run; logged and counted. */
    public Uni<Report> run() {
        LocalDate before = LocalDate.now(clock.withZone(config.timeZone()))
                .minusDays(config.retention().anonymiseAfter().toDays());
        return batches(limit -> queries.anonymiseAppointments(before, clock.instant().truncatedTo(ChronoUnit.MICROS),
                limit), APPOINTMENTS, 0)
                .chain(appointments -> batches(limit -> queries.anonymiseBookings(before, limit), BOOKINGS, 0)
                        .map(bookings -> new Report(appointments, bookings)))
                .invoke(report -> {
                    metrics.succeeded();
                    LOG.infof("retention: anonymised %d appointments and %d bookings of days before %s",
                            report.appointments(), report.bookings(), before);
                });
    }

    private Uni<Integer> batches(Function<Integer, Uni<Integer>> batch, String kind, int soFar) {
        int limit = config.jobs().batchSize();
        return Panache.withTransaction(() -> batch.apply(limit))
                .invoke(n -> metrics.deleted(kind, n))
                .chain(n -> n < limit ? Uni.createFrom().item(soFar + n) : batches(batch, kind, soFar + n));
    }
}
