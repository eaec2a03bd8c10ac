package id.go.imigrasi.mpaspor.billing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.billing.client.RefundChannel;
import id.go.imigrasi.mpaspor.billing.client.RefundDeskApi;
import id.go.imigrasi.mpaspor.billing.config.BillingConfig;
import id.go.imigrasi.mpaspor.billing.domain.RefundCase;
import id.go.imigrasi.mpaspor.billing.domain.RefundState;
import id.go.imigrasi.mpaspor.billing.domain.RefundTransitions;
import id.go.imigrasi.mpaspor.billing.repository.RefundCaseRepository;
import id.go.imigrasi.mpaspor.contracts.billing.RefundPaid;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Pays approved refund cases back through their channel. Each run:
 * <ol>
 * <li>claims the due cases in one short transaction ({@code FOR UPDATE SKIP LOCKED}) and leases them, so several
 * instances never work on one case at once, and no database transaction stays open during a call to a channel;</li>
 * <li>asks the channel to refund each one ({@link RefundChannel}) with the case id as the idempotency key: a retry
 * after a lost answer, or after a crash between the channel's refund and our commit, gets the same refund back,
 * never a second one;</li>
 * <li>marks it PAID with the channel's reference and publishes RefundPaid in one transaction; a failed call leaves
 * it APPROVED with its next attempt pushed back (RefundTransitions.payoutFailed, exponential backoff).</li>
 * </ol>
 */
@ApplicationScoped
public class RefundPayouts {

    private static final Logger LOG = Logger.getLogger(RefundPayouts.class);

    private final RefundCaseRepository cases;
    private final RefundChannel channel;
    private final Outbox outbox;
    private final BillingConfig config;
    private final RefundCases refundCases;

    private final Clock clock;

    public RefundPayouts(RefundCaseRepository cases, RefundChannel channel, Outbox outbox, BillingConfig config,
            RefundCases refundCases, Clock clock) {
        this.cases = cases;
        this.channel = channel;
        this.outbox = outbox;
        this.config = config;
        this.refundCases = refundCases;
        this.clock = clock;
    }

    /** One run; returns how many cases it paid. */
    public Uni<Integer> payDue() {
        Instant now = now();
        return Panache.withTransaction(() -> cases.claimDue(now, now.plus(config.refund().lease()),
                config.refund().batchSize())).chain(this::payEach);
    }

    private Uni<Integer> payEach(List<RefundCase> claimed) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (RefundCase c : claimed) {
            chain = chain.chain(paid -> payOne(c).map(ok -> ok ? paid + 1 : paid));
        }
        return chain;
    }

    private Uni<Boolean> payOne(RefundCase claimed) {
        return channel.refund(claimed.channel, claimed.id.toString(), new RefundDeskApi.RefundRequest(
                claimed.channelReference, claimed.billingCode, claimed.amount))
                .onItem().transformToUni(refund -> markPaid(claimed, refund))
                .onFailure().recoverWithUni(failure -> markFailed(claimed, failure));
    }

    private Uni<Boolean> markPaid(RefundCase claimed, RefundDeskApi.Refund refund) {
        return Panache.withTransaction(() -> cases.lock(claimed.id).chain(c -> {
            if (c == null || c.state != RefundState.APPROVED) {
                // paid by a run whose lease had ended meanwhile: the channel refunded once (same key), so did we
                return Uni.createFrom().item(false);
            }
            Instant now = now();
            RefundTransitions.paid(c, refund.refundReference(), now);
            refundCases.count("paid", c);
            LOG.infof("refund case %s paid back through %s: %s", c.id, c.channel, refund.refundReference());
            return outbox.append(new RefundPaid(c.id.toString(), c.billingCode, c.applicationId, c.accountId,
                    c.amount, c.channel, refund.refundReference(), now)).replaceWith(true);
        }));
    }

    private Uni<Boolean> markFailed(RefundCase claimed, Throwable failure) {
        LOG.warnf("refund case %s: payout through %s failed (attempt %d), tried again later: %s", claimed.id,
                claimed.channel, claimed.attempts, failure.toString());
        return Panache.withTransaction(() -> cases.lock(claimed.id).invoke(c -> {
            if (c != null && c.state == RefundState.APPROVED) {
                RefundTransitions.payoutFailed(c, failure.toString(), now(), config.refund().backoffInitial(),
                        config.refund().backoffMax());
                refundCases.count("payout-failed", c);
            }
        })).replaceWith(false);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
