package id.go.imigrasi.mpaspor.biometric.jobs;

import id.go.imigrasi.mpaspor.biometric.service.Handover;
import id.go.imigrasi.mpaspor.biometric.service.Housekeeping;
import id.go.imigrasi.mpaspor.biometric.service.Retention;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Runs the office's periodic jobs (each can be switched off per instance with {@code off}; off in tests). */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);

    private final Housekeeping housekeeping;
    private final Handover handover;
    private final Retention retention;

    public Jobs(Housekeeping housekeeping, Handover handover, Retention retention) {
        this.housekeeping = housekeeping;
        this.handover = handover;
        this.retention = retention;
    }

    @Scheduled(identity = "no-show", every = "${mpaspor.biometric.jobs.no-show-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> noShows() {
        return quietly(housekeeping.markNoShows(), "no-show");
    }

    @Scheduled(identity = "uncollected", every = "${mpaspor.biometric.jobs.uncollected-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> uncollected() {
        return quietly(housekeeping.cancelUncollected(), "uncollected");
    }

    @Scheduled(identity = "pos-poll", every = "${mpaspor.biometric.jobs.pos-poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> posPoll() {
        return quietly(handover.pollDeliveries(), "pos-poll");
    }

    /** Daily: names and NIKs of appointments closed without a passport, long past (service.Retention). */
    @Scheduled(identity = "retention", cron = "${mpaspor.biometric.retention.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retention() {
        return quietly(retention.run().map(r -> r.appointments() + r.bookings()), "retention");
    }

    private static Uni<Void> quietly(Uni<Integer> run, String job) {
        return run.onFailure().invoke(e -> LOG.errorf(e, "%s run failed; the next run retries", job))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
