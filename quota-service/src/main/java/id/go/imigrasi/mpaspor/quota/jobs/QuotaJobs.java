package id.go.imigrasi.mpaspor.quota.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.service.AdminService;
import id.go.imigrasi.mpaspor.quota.service.ApplicantsRule;
import id.go.imigrasi.mpaspor.quota.service.HoldLifecycle;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;

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

    public QuotaJobs(HoldLifecycle holds, AdminService admin, ApplicantsRule applicants, QuotaConfig config) {
        this.applicants = applicants;
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
}
