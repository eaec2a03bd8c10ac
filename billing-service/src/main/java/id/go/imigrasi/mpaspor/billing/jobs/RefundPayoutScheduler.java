package id.go.imigrasi.mpaspor.billing.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.billing.service.RefundPayouts;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Pays approved refunds every {@code mpaspor.billing.refund.every} (off in tests, which run it explicitly). */
@ApplicationScoped
public class RefundPayoutScheduler {

    private static final Logger LOG = Logger.getLogger(RefundPayoutScheduler.class);

    private final RefundPayouts payouts;

    public RefundPayoutScheduler(RefundPayouts payouts) {
        this.payouts = payouts;
    }

    @Scheduled(identity = "refund-payout", every = "${mpaspor.billing.refund.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return payouts.payDue()
                .onFailure().invoke(e -> LOG.error("refund payout run failed; the next run retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
