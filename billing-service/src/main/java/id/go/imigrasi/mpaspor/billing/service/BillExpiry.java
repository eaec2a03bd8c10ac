package id.go.imigrasi.mpaspor.billing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.billing.config.BillingConfig;
import id.go.imigrasi.mpaspor.billing.domain.Bill;
import id.go.imigrasi.mpaspor.billing.repository.BillRepository;
import id.go.imigrasi.mpaspor.contracts.billing.BillingExpired;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Expires unpaid bills past their deadline and publishes BillingExpired (quota releases the hold). Safe with any
 * number of instances running it at once: each bill is claimed by exactly one transaction (a conditional UPDATE
 * over rows locked with {@code FOR UPDATE SKIP LOCKED}), and its event is written in that same transaction.
 */
@ApplicationScoped
public class BillExpiry {

    private static final Logger LOG = Logger.getLogger(BillExpiry.class);

    private final BillRepository bills;
    private final Outbox outbox;
    private final BillingConfig config;

    private final Clock clock;

    public BillExpiry(BillRepository bills, Outbox outbox, BillingConfig config, Clock clock) {
        this.clock = clock;
        this.bills = bills;
        this.outbox = outbox;
        this.config = config;
    }

    /** One batch; returns how many bills this run expired. */
    @WithTransaction
    public Uni<Integer> expireDueBatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return bills.expireDue(now, config.expiry().batchSize()).chain(expired -> publish(expired)
                .replaceWith(expired.size()));
    }

    private Uni<Void> publish(List<Bill> expired) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Bill bill : expired) {
            chain = chain.invoke(() -> SagaTrace.resume(bill))
                    .chain(() -> outbox.append(new BillingExpired(bill.applicationId, bill.holdId,
                    bill.billingCode, bill.expiredAt)))
                    .invoke(() -> LOG.infof("bill %s of application %s expired unpaid", bill.billingCode,
                            bill.applicationId))
                    .replaceWithVoid();
        }
        return chain;
    }

    /** Batches until nothing is due; returns the total. */
    public Uni<Integer> expireAllDue() {
        return expireDueBatch().chain(n -> n < config.expiry().batchSize()
                ? Uni.createFrom().item(n)
                : expireAllDue().map(more -> n + more));
    }
}
