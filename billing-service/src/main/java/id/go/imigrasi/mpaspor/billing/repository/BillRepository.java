package id.go.imigrasi.mpaspor.billing.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.billing.domain.Bill;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BillRepository implements PanacheRepositoryBase<Bill, UUID> {

    public Uni<Bill> findByCode(String billingCode) {
        return find("billingCode", billingCode).firstResult();
    }

    /** The bill, locked until the end of the transaction: payments and expiry of one bill take turns. */
    public Uni<Bill> lockByCode(String billingCode) {
        return find("billingCode", billingCode).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Bill> lockByApplication(String applicationId) {
        return find("applicationId", applicationId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Bill> findByApplication(String applicationId) {
        return find("applicationId", applicationId).firstResult();
    }

    /** The next value of the never-cycling code sequence. */
    public Uni<Long> nextCodeSequence() {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT nextval('billing_code_seq')", Long.class)
                .getSingleResult());
    }

    /**
     * Claims up to {@code limit} bills whose deadline passed and marks them EXPIRED, in one statement. Rows another
     * transaction holds (a concurrent expiry run on another instance, a payment being recorded) are skipped, and
     * the status condition is re-checked under the row lock, so every bill is expired by exactly one run.
     */
    public Uni<List<Bill>> expireDue(Instant now, int limit) {
        String sql = "UPDATE bill SET status = 'EXPIRED', expired_at = :now WHERE id IN ("
                + " SELECT id FROM bill WHERE status = 'ISSUED' AND expires_at < :now"
                + " ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED) AND status = 'ISSUED' RETURNING *";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Bill.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList());
    }
}
