package id.go.imigrasi.mpaspor.quota.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.service.AdminService;
import id.go.imigrasi.mpaspor.quota.service.ApplicantsRule;
import id.go.imigrasi.mpaspor.quota.service.HoldLifecycle;
import id.go.imigrasi.mpaspor.quota.service.HoldRetention;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Time-driven work, on every instance: release expired holds (HoldReleased, reason HOLD_TIMEOUT) and publish
 * QuotaReleased when a release's time comes. Rows are claimed with FOR UPDATE SKIP LOCKED, so instances share the
 * work without doing anything twice.
 */
@ApplicationScoped
public class QuotaJobs {

    private static final Logger LOG = Logger.getLogger(QuotaJobs.class);

    private final HoldLifecycle holds;
    private final AdminService admin;
    private final QuotaConfig config;

    private final ApplicantsRule applicants;
    private final HoldRetention retention;

    public QuotaJobs(HoldLifecycle holds, AdminService admin, ApplicantsRule applicants, QuotaConfig config,
            HoldRetention retention) {
        this.applicants = applicants;
        this.retention = retention;
        this.holds = holds;
        this.admin = admin;
        this.config = config;
    }

    @Scheduled(identity = "quota-expiry", every = "${mpaspor.quota.expiry.interval}", delayed = "${mpaspor.quota.expiry.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            int released;
            do {
                released = VertxContextSupport.subscribeAndAwait(holds::expireDue);
            } while (released >= config.expiry().batchSize());
            VertxContextSupport.subscribeAndAwait(admin::publishDue);
            VertxContextSupport.subscribeAndAwait(applicants::forgetOldRefusals);
        } catch (Throwable e) {
            LOG.warn("quota jobs failed; next tick retries", e);
        }
    }

    /** Daily: the NIKs of holds of long-past days that no longer bind them ({@link HoldRetention}). */
    @Scheduled(identity = "quota-retention", cron = "${mpaspor.quota.retention.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retention() {
        return retention.run()
                .onFailure().invoke(e -> LOG.error("retention run failed; the next run retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
