package id.go.imigrasi.mpaspor.billing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.billing.domain.BillStatus;
import id.go.imigrasi.mpaspor.billing.repository.BillRepository;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import io.smallrye.mutiny.Uni;

/**
 * The applicant withdrew the application: its unpaid bill is CANCELLED, so a payment that still arrives is recorded
 * for refund instead of confirming a hold quota already released. A paid or expired bill stays as it is; a paid one
 * gets a refund case when {@code CancellationRefundPolicy} allows it ({@link RefundCases#onPaidApplicationCancelled}:
 * RefundRequested). Nothing else is published: quota and application act on ApplicationCancelled themselves.
 */
@ApplicationScoped
public class BillCancellation {

    private static final Logger LOG = Logger.getLogger(BillCancellation.class);

    private final BillRepository bills;
    private final RefundCases refunds;

    private final Clock clock;

    public BillCancellation(BillRepository bills, RefundCases refunds, Clock clock) {
        this.clock = clock;
        this.bills = bills;
        this.refunds = refunds;
    }

    /** Runs inside the inbox transaction. */
    public Uni<Void> onCancelled(ApplicationCancelled cancelled) {
        return bills.lockByApplication(cancelled.applicationId()).chain(bill -> {
            if (bill == null) {
                return Uni.createFrom().voidItem();
            }
            if (bill.status == BillStatus.PAID) {
                return refunds.onPaidApplicationCancelled(bill, cancelled.cancelledAt());
            }
            if (bill.status != BillStatus.ISSUED) {
                LOG.infof("application %s cancelled; its bill %s stays %s", cancelled.applicationId(),
                        bill.billingCode, bill.status);
                return Uni.createFrom().voidItem();
            }
            bill.status = BillStatus.CANCELLED;
            bill.cancelledAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            LOG.infof("application %s cancelled: bill %s cancelled", cancelled.applicationId(), bill.billingCode);
            return Uni.createFrom().voidItem();
        });
    }
}
