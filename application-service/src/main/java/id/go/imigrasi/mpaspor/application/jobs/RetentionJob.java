package id.go.imigrasi.mpaspor.application.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.service.Retention;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Runs the retention rules ({@link Retention#run()}) daily at {@code mpaspor.application.retention.cron}
 * ({@code off} in tests, which run it explicitly). On every instance: applications are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so each is handled once. A failed run is logged and the next one retries; the
 * alert RetentionJobNotRunning fires when no run succeeded for two days.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final Retention retention;

    public RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(identity = "application-retention", cron = "${mpaspor.application.retention.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return retention.run()
                .onFailure().invoke(e -> LOG.error("retention run failed; the next run retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
