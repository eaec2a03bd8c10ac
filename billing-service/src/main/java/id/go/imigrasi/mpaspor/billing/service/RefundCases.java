package id.go.imigrasi.mpaspor.billing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.billing.BillingProblem;
import id.go.imigrasi.mpaspor.billing.config.BillingConfig;
import id.go.imigrasi.mpaspor.billing.domain.Bill;
import id.go.imigrasi.mpaspor.billing.domain.CancellationRefundPolicy;
import id.go.imigrasi.mpaspor.billing.domain.Payment;
import id.go.imigrasi.mpaspor.billing.domain.RefundCase;
import id.go.imigrasi.mpaspor.billing.domain.RefundReason;
import id.go.imigrasi.mpaspor.billing.domain.RefundState;
import id.go.imigrasi.mpaspor.billing.domain.RefundTransitions;
import id.go.imigrasi.mpaspor.billing.repository.BillRepository;
import id.go.imigrasi.mpaspor.billing.repository.PaymentRepository;
import id.go.imigrasi.mpaspor.billing.repository.RefundCaseRepository;
import id.go.imigrasi.mpaspor.contracts.billing.RefundApproved;
import id.go.imigrasi.mpaspor.contracts.billing.RefundRejected;
import id.go.imigrasi.mpaspor.contracts.billing.RefundRequested;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Refund cases: opened in the transaction that decides a payment cannot be kept (a late payment, a second payment,
 * a payment of a cancelled bill: {@link PaymentCallbacks}; a paid application cancelled where
 * {@link CancellationRefundPolicy} allows it: {@link BillCancellation}), at most one per payment; approved or
 * rejected by finance (who and when recorded); paid back by {@link RefundPayouts}. Each change publishes its event
 * (RefundRequested, RefundApproved, RefundRejected) in its own transaction, keyed by the application id like every
 * billing event.
 */
@ApplicationScoped
public class RefundCases {

    private static final Logger LOG = Logger.getLogger(RefundCases.class);

    /** The most cases one list answer carries. */
    public static final int LIST_LIMIT = 500;

    private final RefundCaseRepository cases;
    private final BillRepository bills;
    private final PaymentRepository payments;
    private final Outbox outbox;
    private final BillingConfig config;
    private final MeterRegistry metrics;
    private final CancellationRefundPolicy cancellationPolicy;

    private final Clock clock;

    public RefundCases(RefundCaseRepository cases, BillRepository bills, PaymentRepository payments, Outbox outbox,
            BillingConfig config, MeterRegistry metrics, Clock clock) {
        this.cases = cases;
        this.bills = bills;
        this.payments = payments;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.cancellationPolicy = new CancellationRefundPolicy(config.refund().cancellationWindow(),
                config.refund().cancellationNotice(), config.timeZone());
    }

    /**
     * Opens the case of {@code payment} and publishes RefundRequested, unless the payment has one already. Runs in
     * the caller's transaction (the one that flagged the payment).
     */
    public Uni<RefundCase> open(Bill bill, Payment payment, RefundReason reason) {
        RefundCase c = RefundCase.open(bill, payment, reason, now());
        return cases.openOnce(c).chain(opened -> {
            if (opened == null) {
                LOG.infof("payment %s of bill %s already has a refund case", payment.id, bill.billingCode);
                return Uni.createFrom().nullItem();
            }
            count("requested", opened);
            LOG.infof("refund case %s opened for bill %s (%s, Rp %d)", opened.id, bill.billingCode, reason,
                    opened.amount);
            return outbox.append(new RefundRequested(opened.id.toString(), opened.billingCode, opened.applicationId,
                    opened.accountId, opened.amount, opened.channel, opened.channelReference, opened.reason.name(),
                    opened.requestedAt)).replaceWith(opened);
        });
    }

    /**
     * A paid application was cancelled: a case for the payment that settled it when the rule allows (see
     * {@link CancellationRefundPolicy}); otherwise the money stays, which is logged. Runs in the inbox transaction,
     * with the bill locked.
     */
    public Uni<Void> onPaidApplicationCancelled(Bill bill, Instant cancelledAt) {
        Instant at = cancelledAt == null ? now() : cancelledAt;
        if (!cancellationPolicy.refundable(bill, at)) {
            LOG.infof("application %s cancelled at %s after paying bill %s: not refundable (appointment %s)",
                    bill.applicationId, at, bill.billingCode, bill.appointmentDate);
            return Uni.createFrom().voidItem();
        }
        return payments.appliedOf(bill.id).chain(applied -> applied == null
                ? Uni.createFrom().voidItem()
                : open(bill, applied, RefundReason.CANCELLED_AFTER_PAYMENT).replaceWithVoid());
    }

    /** Finance approves: the payout job pays it. */
    @WithTransaction
    public Uni<RefundCaseView> approve(UUID id, String by) {
        return locked(id).chain(c -> {
            Instant now = now();
            move(() -> RefundTransitions.approve(c, by, now));
            count("approved", c);
            LOG.infof("refund case %s approved by %s", c.id, by);
            return outbox.append(new RefundApproved(c.id.toString(), c.billingCode, c.applicationId, c.accountId,
                    c.amount, by, now)).replaceWith(RefundCaseView.of(c));
        });
    }

    /** Finance rejects, with a reason. */
    @WithTransaction
    public Uni<RefundCaseView> reject(UUID id, String by, String reason) {
        return locked(id).chain(c -> {
            Instant now = now();
            move(() -> RefundTransitions.reject(c, by, reason, now));
            count("rejected", c);
            LOG.infof("refund case %s rejected by %s", c.id, by);
            return outbox.append(new RefundRejected(c.id.toString(), c.billingCode, c.applicationId, c.accountId,
                    c.amount, reason, by, now)).replaceWith(RefundCaseView.of(c));
        });
    }

    @WithSession
    public Uni<RefundCaseView> one(UUID id) {
        return cases.findById(id).map(c -> {
            if (c == null) {
                throw ProblemException.of(BillingProblem.REFUND_CASE_NOT_FOUND);
            }
            return RefundCaseView.of(c);
        });
    }

    /** Newest first; {@code state} and {@code requestedOn} (a day in the configured zone) optional. */
    @WithSession
    public Uni<List<RefundCaseView>> search(RefundState state, LocalDate requestedOn) {
        Instant from = requestedOn == null ? null : requestedOn.atStartOfDay(config.timeZone()).toInstant();
        Instant to = requestedOn == null ? null : requestedOn.plusDays(1).atStartOfDay(config.timeZone()).toInstant();
        return cases.search(state, from, to, LIST_LIMIT)
                .map(list -> list.stream().map(RefundCaseView::of).toList());
    }

    /** The refund cases of a bill, for its owner (another's bill answers 404, as the bill itself does) and admins. */
    @WithSession
    public Uni<List<RefundCaseView>> ofBill(String billingCode, Caller caller) {
        return bills.findByCode(billingCode).chain(bill -> {
            if (bill == null) {
                throw ProblemException.of(BillingProblem.BILL_NOT_FOUND);
            }
            try {
                caller.requireOwner(bill.accountId);
            } catch (ProblemException notYours) {
                throw ProblemException.of(BillingProblem.BILL_NOT_FOUND);
            }
            return cases.ofBill(bill.id).map(list -> list.stream().map(RefundCaseView::of).toList());
        });
    }

    private Uni<RefundCase> locked(UUID id) {
        return cases.lock(id).map(c -> {
            if (c == null) {
                throw ProblemException.of(BillingProblem.REFUND_CASE_NOT_FOUND);
            }
            return c;
        });
    }

    /** A move the case cannot make is a 409 naming both states; nothing changes. */
    static void move(Runnable transition) {
        try {
            transition.run();
        } catch (RefundTransitions.NotAllowed e) {
            throw ProblemException.of(BillingProblem.REFUND_CASE_STATE, e.from().name(), e.to().name());
        }
    }

    void count(String event, RefundCase c) {
        Counter.builder("mpaspor.billing.refunds").description("Refund case events, by event and reason")
                .tag("event", event).tag("reason", c.reason.name()).register(metrics).increment();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
