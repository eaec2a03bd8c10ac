package id.go.imigrasi.mpaspor.billing.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.billing.config.BillingConfig;
import id.go.imigrasi.mpaspor.billing.repository.PaymentRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Per channel and day (in the configured zone, by the channel's payment time): payments applied (count, sum), what
 * must be refunded (late, paid twice, all refunds including payments of cancelled bills) and the duplicate callbacks
 * answered as replays (counted on the day they arrived).
 */
@ApplicationScoped
public class Reconciliation {

    /** Amounts in whole rupiah. */
    public record ChannelDay(String channel, String channelName, LocalDate date, long payments, long amount,
            long latePayments, long lateAmount, long alreadyPaidPayments, long alreadyPaidAmount,
            long refundsRequired, long refundAmount, long duplicatesRefused) {
    }

    private final PaymentRepository payments;
    private final BillingConfig config;

    public Reconciliation(PaymentRepository payments, BillingConfig config) {
        this.payments = payments;
        this.config = config;
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
