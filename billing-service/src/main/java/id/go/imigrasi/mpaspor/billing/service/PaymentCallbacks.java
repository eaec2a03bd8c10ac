package id.go.imigrasi.mpaspor.billing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.billing.BillingProblem;
import id.go.imigrasi.mpaspor.billing.config.BillingConfig;
import id.go.imigrasi.mpaspor.billing.domain.Bill;
import id.go.imigrasi.mpaspor.billing.domain.BillStatus;
import id.go.imigrasi.mpaspor.billing.domain.Ntpn;
import id.go.imigrasi.mpaspor.billing.domain.Payment;
import id.go.imigrasi.mpaspor.billing.domain.PaymentOutcome;
import id.go.imigrasi.mpaspor.billing.domain.RefundReason;
import id.go.imigrasi.mpaspor.billing.repository.BillRepository;
import id.go.imigrasi.mpaspor.billing.repository.PaymentRepository;
import id.go.imigrasi.mpaspor.contracts.billing.BillingExpired;
import id.go.imigrasi.mpaspor.contracts.billing.BillingPaid;
import id.go.imigrasi.mpaspor.contracts.billing.LatePaymentReceived;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The payment rule in one place. For an authenticated callback, in one transaction:
 * <ol>
 * <li>a (channel, channel reference) already recorded is a replay: the same answer, nothing changes (a reference
 * reused for a different bill or amount is a conflict);</li>
 * <li>otherwise the bill is locked; an unknown code or a different amount is refused and nothing is recorded;</li>
 * <li>paid in time (the bill is ISSUED and the channel's payment time is within the deadline): recorded as APPLIED
 * with a fresh NTPN, the bill becomes PAID, BillingPaid is published;</li>
 * <li>paid after the deadline: recorded, flagged REFUND_REQUIRED (LATE), LatePaymentReceived is published; an
 * ISSUED bill the expiry job had not reached yet expires now (BillingExpired). The booking is never revived;</li>
 * <li>a second payment of a PAID bill, or a payment of a CANCELLED one: recorded, flagged REFUND_REQUIRED
 * (ALREADY_PAID, CANCELLED); the reconciliation view lists them.</li>
 * </ol>
 * Every payment flagged REFUND_REQUIRED gets its refund case in the same transaction ({@link RefundCases#open}:
 * RefundRequested), so money to return is never only a flag someone has to notice.
 * The unique (channel, channel_reference) constraint decides between concurrent copies of one callback.
 */
@ApplicationScoped
public class PaymentCallbacks {

    private static final Logger LOG = Logger.getLogger(PaymentCallbacks.class);

    /** The answer and whether it was a replay. */
    public record Result(PaymentReceipt receipt, boolean replay) {
    }

    private final BillRepository bills;
    private final PaymentRepository payments;
    private final Outbox outbox;
    private final BillingConfig config;
    private final MeterRegistry metrics;
    private final RefundCases refunds;

    private final Clock clock;

    public PaymentCallbacks(BillRepository bills, PaymentRepository payments, Outbox outbox, BillingConfig config,
            MeterRegistry metrics, RefundCases refunds, Clock clock) {
        this.clock = clock;
        this.refunds = refunds;
        this.bills = bills;
        this.payments = payments;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
    }

    /** {@code amount} in whole rupiah, already validated; {@code channel} authenticated. */
    @WithTransaction
    public Uni<Result> record(String channel, String billingCode, long amount, String channelReference,
            Instant reportedPaidAt) {
        Instant paidAt = reportedPaidAt.truncatedTo(ChronoUnit.MICROS);
        return payments.findByReference(channel, channelReference).chain(existing -> existing != null
                ? replay(existing, billingCode, amount)
                : bills.lockByCode(billingCode).chain(bill -> {
                    if (bill == null) {
                        return refuse(channel, "unknown-code",
                                ProblemException.of(BillingProblem.UNKNOWN_BILLING_CODE, billingCode));
                    }
                    if (paidAt.isBefore(bill.issuedAt.minus(config.callback().timestampTolerance()))) {
                        // a payment cannot precede its bill (beyond clock tolerance): a wrong or forged time
                        return refuse(channel, "paid-before-issue",
                                ProblemException.invalid("paidAt", "validation.paid-at-before-issue"));
                    }
                    if (bill.amount != amount) {
                        return refuse(channel, "amount-mismatch",
                                ProblemException.of(BillingProblem.AMOUNT_MISMATCH, amount, bill.amount));
                    }
                    Payment payment = new Payment();
                    payment.id = UUID.randomUUID();
                    payment.billId = bill.id;
                    payment.billingCode = bill.billingCode;
                    payment.channel = channel;
                    payment.channelReference = channelReference;
                    payment.amount = amount;
                    payment.paidAt = paidAt;
                    payment.ntpn = Ntpn.generate();
                    if (bill.acceptsPaymentAt(paidAt)) {
                        payment.outcome = PaymentOutcome.APPLIED;
                    } else {
                        payment.outcome = PaymentOutcome.REFUND_REQUIRED;
                        payment.refundReason = switch (bill.status) {
                            case PAID -> RefundReason.ALREADY_PAID;
                            case CANCELLED -> RefundReason.CANCELLED;
                            default -> RefundReason.LATE;
                        };
                    }
                    return payments.insertOnce(payment).chain(recorded -> recorded == null
                            // a concurrent copy of this callback recorded it first
                            ? payments.findByReference(channel, channelReference)
                                    .chain(first -> replay(first, billingCode, amount))
                            : effects(bill, recorded).chain(() -> refundCase(bill, recorded))
                                    .replaceWith(new Result(PaymentReceipt.of(recorded), false)));
                }));
    }

    private Uni<Void> refundCase(Bill bill, Payment payment) {
        return payment.outcome == PaymentOutcome.REFUND_REQUIRED
                ? refunds.open(bill, payment, payment.refundReason).replaceWithVoid()
                : Uni.createFrom().voidItem();
    }

    private Uni<Void> effects(Bill bill, Payment payment) {
        SagaTrace.resume(bill);
        Counter.builder("mpaspor.billing.payments").description("Payments recorded, by channel and outcome")
                .tag("channel", payment.channel)
                .tag("outcome", payment.refundReason == null ? "APPLIED" : payment.refundReason.name())
                .register(metrics).increment();
        if (payment.outcome == PaymentOutcome.APPLIED) {
            bill.status = BillStatus.PAID;
            bill.paidAt = payment.paidAt;
            LOG.infof("bill %s paid through %s (%s), NTPN %s", bill.billingCode, payment.channel,
                    payment.channelReference, payment.ntpn);
            return outbox.append(new BillingPaid(bill.applicationId, bill.holdId, bill.billingCode, payment.amount,
                    payment.channel, payment.ntpn, payment.paidAt)).replaceWithVoid();
        }
        if (payment.refundReason != RefundReason.LATE) {
            LOG.warnf("bill %s is %s, paid through %s (%s): refund required", bill.billingCode, bill.status,
                    payment.channel, payment.channelReference);
            return Uni.createFrom().voidItem();
        }
        LOG.warnf("late payment of bill %s through %s (%s): refund required", bill.billingCode, payment.channel,
                payment.channelReference);
        Uni<Void> expireFirst = Uni.createFrom().voidItem();
        if (bill.status == BillStatus.ISSUED) {
            // the deadline passed before the expiry job came by: expire it now, exactly as the job would
            bill.status = BillStatus.EXPIRED;
            bill.expiredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            expireFirst = outbox.append(new BillingExpired(bill.applicationId, bill.holdId, bill.billingCode,
                    bill.expiredAt)).replaceWithVoid();
        }
        return expireFirst.chain(() -> outbox.append(new LatePaymentReceived(bill.applicationId, bill.billingCode,
                payment.amount, payment.channel, payment.channelReference, payment.paidAt))).replaceWithVoid();
    }

    private Uni<Result> replay(Payment existing, String billingCode, long amount) {
        if (!existing.billingCode.equals(billingCode) || existing.amount != amount) {
            return refuse(existing.channel, "reference-conflict",
                    ProblemException.of(BillingProblem.CHANNEL_REFERENCE_CONFLICT, existing.channelReference));
        }
        Counter.builder("mpaspor.billing.callbacks.duplicate")
                .description("Payment callbacks repeated by the channel (answered with the first receipt)")
                .tag("channel", existing.channel).register(metrics).increment();
        return payments.countDuplicate(existing.channel, clock.instant().atZone(config.timeZone()).toLocalDate())
                .replaceWith(new Result(PaymentReceipt.of(existing), true));
    }

    private <T> Uni<T> refuse(String channel, String reason, ProblemException problem) {
        CallbackAuthenticator.refused(metrics, channel, reason);
        return Uni.createFrom().failure(problem);
    }
}
