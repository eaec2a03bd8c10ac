package id.go.imigrasi.mpaspor.billing.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.billing.config.BillingConfig;
import id.go.imigrasi.mpaspor.billing.repository.PaymentRepository;
import id.go.imigrasi.mpaspor.billing.repository.RefundCaseRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Per channel and day (in the configured zone, by the channel's payment time): payments applied (count, sum), what
 * must be refunded (late, paid twice, all refunds including payments of cancelled bills) and the duplicate callbacks
 * answered as replays (counted on the day they arrived). And the day's refund report ({@link #refunds}): the
 * payments of the day still to be paid back, and the refund cases opened, approved, rejected and paid that day.
 */
@ApplicationScoped
public class Reconciliation {

    /** Amounts in whole rupiah. */
    public record ChannelDay(String channel, String channelName, LocalDate date, long payments, long amount,
            long latePayments, long lateAmount, long alreadyPaidPayments, long alreadyPaidAmount,
            long refundsRequired, long refundAmount, long duplicatesRefused) {
    }

    /** A payment of the day flagged for refund whose money has not gone back yet; case null when none. */
    public record UnmatchedPayment(String paymentId, String billingCode, String channel, String channelReference,
            long amount, Instant paidAt, String refundReason, String refundCaseId, String refundCaseState) {
    }

    /** How many refund cases made this move that day, and their sum (rupiah). */
    public record Figure(long count, long amount) {
    }

    /**
     * The day's refunds: {@code unmatched} payments (paid that day, REFUND_REQUIRED, not yet paid back: no case,
     * or a case REQUESTED, APPROVED or REJECTED) with their total; cases {@code requested} (opened), {@code approved},
     * {@code rejected} (decided) and {@code paid} (paid back) that day.
     */
    public record RefundDay(LocalDate date, List<UnmatchedPayment> unmatched, long unmatchedAmount, Figure requested,
            Figure approved, Figure rejected, Figure paid) {
    }

    private final PaymentRepository payments;
    private final RefundCaseRepository refundCases;
    private final BillingConfig config;

    public Reconciliation(PaymentRepository payments, RefundCaseRepository refundCases, BillingConfig config) {
        this.payments = payments;
        this.refundCases = refundCases;
        this.config = config;
    }

    @WithSession
    public Uni<RefundDay> refunds(LocalDate date) {
        Instant from = date.atStartOfDay(config.timeZone()).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(config.timeZone()).toInstant();
        return refundCases.unmatchedBetween(from, to).chain(rows -> refundCases.figuresBetween(from, to).map(f -> {
            List<UnmatchedPayment> unmatched = rows.stream().map(r -> new UnmatchedPayment(r[0].toString(),
                    r[1].toString().trim(), (String) r[2], (String) r[3], ((Number) r[4]).longValue(), instant(r[5]),
                    (String) r[6], r[7] == null ? null : r[7].toString(), (String) r[8])).toList();
            Map<String, Figure> figures = new HashMap<>();
            f.forEach(r -> figures.put((String) r[0], new Figure(((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue())));
            return new RefundDay(date, unmatched, unmatched.stream().mapToLong(UnmatchedPayment::amount).sum(),
                    figures.get("REQUESTED"), figures.get("APPROVED"), figures.get("REJECTED"), figures.get("PAID"));
        }));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return java.time.OffsetDateTime.parse(value.toString()).toInstant();
    }

    /** Every configured channel (zeros included), or just {@code onlyChannel}. */
    @WithSession
    public Uni<List<ChannelDay>> of(LocalDate date, String onlyChannel) {
        Instant from = date.atStartOfDay(config.timeZone()).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(config.timeZone()).toInstant();
        return payments.totalsBetween(from, to).chain(totals -> payments.duplicatesOn(date).map(duplicates -> {
            Map<String, Object[]> byChannel = new HashMap<>();
            totals.forEach(row -> byChannel.put((String) row[0], row));
            Map<String, Long> dup = new HashMap<>();
            duplicates.forEach(row -> dup.put((String) row[0], ((Number) row[1]).longValue()));
            return config.channelList().stream()
                    .filter(channel -> onlyChannel == null || onlyChannel.equals(channel))
                    .map(channel -> {
                        Object[] r = byChannel.get(channel);
                        return new ChannelDay(channel, config.channel().get(channel).name(), date,
                                n(r, 1), n(r, 2), n(r, 3), n(r, 4), n(r, 5), n(r, 6), n(r, 7), n(r, 8), dup.getOrDefault(channel, 0L));
                    }).toList();
        }));
    }

    private static long n(Object[] row, int i) {
        return row == null ? 0 : ((Number) row[i]).longValue();
    }
}
