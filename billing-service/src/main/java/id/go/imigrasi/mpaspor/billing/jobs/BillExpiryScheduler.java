package id.go.imigrasi.mpaspor.billing.jobs;

import id.go.imigrasi.mpaspor.billing.service.BillExpiry;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Runs the expiry job every {@code mpaspor.billing.expiry.every} (off in tests, which run it explicitly). */
@ApplicationScoped
public class BillExpiryScheduler {

    private static final Logger LOG = Logger.getLogger(BillExpiryScheduler.class);

    private final BillExpiry expiry;

    public BillExpiryScheduler(BillExpiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(identity = "bill-expiry", every = "${mpaspor.billing.expiry.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return expiry.expireAllDue()
                .onFailure().invoke(e -> LOG.error("expiry run failed; the next run retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
