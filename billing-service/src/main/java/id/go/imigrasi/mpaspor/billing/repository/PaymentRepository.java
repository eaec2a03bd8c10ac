package id.go.imigrasi.mpaspor.billing.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.billing.domain.Payment;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    public Uni<Payment> findByReference(String channel, String channelReference) {
        return find("channel = ?1 and channelReference = ?2", channel, channelReference).firstResult();
    }

    public Uni<List<Payment>> ofBill(UUID billId) {
        return list("billId = ?1 order by recordedAt, id", billId);
    }

    /** The payment that settled the bill, or null. */
    public Uni<Payment> appliedOf(UUID billId) {
        return find("billId = ?1 and outcome = ?2", billId, id.go.imigrasi.mpaspor.billing.domain.PaymentOutcome.APPLIED)
                .firstResult();
    }

    /**
     * Records the payment unless the channel already reported this reference: the unique constraint decides, so
     * concurrent copies of one callback record exactly one row. Returns null when the reference was taken.
     */
    public Uni<Payment> insertOnce(Payment p) {
        String sql = "INSERT INTO payment (id, bill_id, billing_code, channel, channel_reference, amount, paid_at, "
                + "ntpn, outcome, refund_reason) VALUES (:id, :bill, :code, :channel, :ref, :amount, :paidAt, :ntpn, "
                + ":outcome, :reason) ON CONFLICT (channel, channel_reference) DO NOTHING RETURNING *";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Payment.class)
                .setParameter("id", p.id).setParameter("bill", p.billId).setParameter("code", p.billingCode)
                .setParameter("channel", p.channel).setParameter("ref", p.channelReference)
                .setParameter("amount", p.amount).setParameter("paidAt", p.paidAt).setParameter("ntpn", p.ntpn)
                .setParameter("outcome", p.outcome.name())
                .setParameter("reason", p.refundReason == null ? null : p.refundReason.name())
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Audit of an authenticated replay, for the reconciliation view; changes no bill and no payment. */
    public Uni<Integer> countDuplicate(String channel, LocalDate day) {
        String sql = "INSERT INTO callback_duplicate (channel, day, count) VALUES (:channel, :day, 1) "
                + "ON CONFLICT (channel, day) DO UPDATE SET count = callback_duplicate.count + 1";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter("channel", channel)
                .setParameter("day", day).executeUpdate());
    }

    /** One row per channel: [channel, applied count, applied sum, late count, late sum, already-paid count, sum,
     * refund count, refund sum]. */
    public Uni<List<Object[]>> totalsBetween(Instant from, Instant to) {
        String sql = "SELECT channel,"
                + " count(*) FILTER (WHERE outcome = 'APPLIED'),"
                + " coalesce(sum(amount) FILTER (WHERE outcome = 'APPLIED'), 0),"
                + " count(*) FILTER (WHERE refund_reason = 'LATE'),"
                + " coalesce(sum(amount) FILTER (WHERE refund_reason = 'LATE'), 0),"
                + " count(*) FILTER (WHERE refund_reason = 'ALREADY_PAID'),"
                + " coalesce(sum(amount) FILTER (WHERE refund_reason = 'ALREADY_PAID'), 0),"
                + " count(*) FILTER (WHERE outcome = 'REFUND_REQUIRED'),"
                + " coalesce(sum(amount) FILTER (WHERE outcome = 'REFUND_REQUIRED'), 0)"
                + " FROM payment WHERE paid_at >= :from AND paid_at < :to GROUP BY channel";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }

    /** [channel, duplicates refused] on that day. */
    public Uni<List<Object[]>> duplicatesOn(LocalDate day) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT channel, count FROM callback_duplicate WHERE day = :day", Object[].class)
                .setParameter("day", day).getResultList());
    }
}
