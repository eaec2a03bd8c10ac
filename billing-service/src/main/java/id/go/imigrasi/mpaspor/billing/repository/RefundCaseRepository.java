package id.go.imigrasi.mpaspor.billing.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.billing.domain.RefundCase;
import id.go.imigrasi.mpaspor.billing.domain.RefundState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RefundCaseRepository implements PanacheRepositoryBase<RefundCase, UUID> {

    /**
     * Opens the case unless its payment already has one: the unique payment_id decides, so a redelivered event or a
     * concurrent copy opens nothing more. Returns null when the payment had a case.
     */
    public Uni<RefundCase> openOnce(RefundCase c) {
        String sql = "INSERT INTO refund_case (id, payment_id, bill_id, billing_code, application_id, account_id, "
                + "channel, channel_reference, amount, reason, state, requested_at) VALUES (:id, :payment, :bill, "
                + ":code, :application, :account, :channel, :ref, :amount, :reason, :state, :at) "
                + "ON CONFLICT (payment_id) DO NOTHING RETURNING *";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, RefundCase.class)
                .setParameter("id", c.id).setParameter("payment", c.paymentId).setParameter("bill", c.billId)
                .setParameter("code", c.billingCode).setParameter("application", c.applicationId)
                .setParameter("account", c.accountId).setParameter("channel", c.channel)
                .setParameter("ref", c.channelReference).setParameter("amount", c.amount)
                .setParameter("reason", c.reason.name()).setParameter("state", c.state.name())
                .setParameter("at", c.requestedAt).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** The case, locked until the end of the transaction: decisions and payouts of one case take turns. */
    public Uni<RefundCase> lock(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<RefundCase>> ofBill(UUID billId) {
        return list("billId = ?1 order by requestedAt, id", billId);
    }

    /** Newest first; {@code state} and the requested-at range are optional. */
    public Uni<List<RefundCase>> search(RefundState state, Instant from, Instant to, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (state != null) {
            where.add("state = :state");
            params.and("state", state);
        }
        if (from != null) {
            where.add("requestedAt >= :from and requestedAt < :to");
            params.and("from", from).and("to", to);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by requestedAt desc, id";
        return find(query, params).page(0, limit).list();
    }

    /**
     * Claims up to {@code limit} approved cases whose next attempt is due and leases them until {@code leaseUntil}
     * (attempts + 1), in one statement. Rows another run holds are skipped, so with any number of instances each
     * case is in one payout at a time; a run that dies leaves its cases to come back when the lease ends.
     */
    public Uni<List<RefundCase>> claimDue(Instant now, Instant leaseUntil, int limit) {
        String sql = "UPDATE refund_case SET attempts = attempts + 1, next_attempt_at = :lease WHERE id IN ("
                + " SELECT id FROM refund_case WHERE state = 'APPROVED' AND next_attempt_at <= :now"
                + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) AND state = 'APPROVED' RETURNING *";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, RefundCase.class)
                .setParameter("now", now).setParameter("lease", leaseUntil).setParameter("limit", limit)
                .getResultList());
    }

    /**
     * Refund figures of a day: one row per state change that happened in [from, to): [kind, count, sum] with kind
     * REQUESTED (opened), APPROVED, REJECTED (decided), PAID (paid back).
     */
    public Uni<List<Object[]>> figuresBetween(Instant from, Instant to) {
        String sql = "SELECT 'REQUESTED', count(*), coalesce(sum(amount), 0) FROM refund_case"
                + " WHERE requested_at >= :from AND requested_at < :to"
                + " UNION ALL SELECT 'APPROVED', count(*), coalesce(sum(amount), 0) FROM refund_case"
                + " WHERE state IN ('APPROVED', 'PAID') AND decided_at >= :from AND decided_at < :to"
                + " UNION ALL SELECT 'REJECTED', count(*), coalesce(sum(amount), 0) FROM refund_case"
                + " WHERE state = 'REJECTED' AND decided_at >= :from AND decided_at < :to"
                + " UNION ALL SELECT 'PAID', count(*), coalesce(sum(amount), 0) FROM refund_case"
                + " WHERE state = 'PAID' AND paid_at >= :from AND paid_at < :to";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }

    /**
     * Payments of the day (by the channel's payment time) flagged REFUND_REQUIRED whose money has not gone back yet:
     * [payment id, billing code, channel, channel reference, amount, paid at, refund reason, case id, case state]
     * (no case: the last two null).
     */
    public Uni<List<Object[]>> unmatchedBetween(Instant from, Instant to) {
        String sql = "SELECT p.id, p.billing_code, p.channel, p.channel_reference, p.amount, p.paid_at,"
                + " p.refund_reason, r.id, r.state FROM payment p LEFT JOIN refund_case r ON r.payment_id = p.id"
                + " WHERE p.outcome = 'REFUND_REQUIRED' AND p.paid_at >= :from AND p.paid_at < :to"
                + " AND (r.state IS NULL OR r.state <> 'PAID') ORDER BY p.paid_at, p.id";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }
}
