package id.go.imigrasi.mpaspor.billing.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When the cancellation of a <em>paid</em> application gives the money back. Refundable when both hold:
 * <ol>
 * <li>it was cancelled within {@code window} of the payment (default 30 days, {@code mpaspor.billing.refund.
 * cancellation-window}): PNBP already paid is not a deposit to be reclaimed at any time;</li>
 * <li>it was cancelled before the appointment day began (in the configured zone, WIB) minus {@code notice}
 * (default none, {@code mpaspor.billing.refund.cancellation-notice}): once the day has come the office has kept the
 * slot, and from the visit on the service was rendered.</li>
 * </ol>
 * Why this and not "before the appointment was attended": billing does not follow the office visit (biometric's
 * check-in), and should not need to for a rule that the appointment day alone decides. The day is the one the bill
 * was issued for (ApplicationSubmitted); billing does not follow reschedules, so a rescheduled appointment is judged
 * by its original day (the conservative side: finance can still refund by hand). A bill without a known day
 * (issued before the day was kept) is judged by the window alone. Unpaid, expired or cancelled bills are not this
 * rule's business: nothing was kept.
 */
public final class CancellationRefundPolicy {

    private final Duration window;
    private final Duration notice;
    private final ZoneId zone;

    public CancellationRefundPolicy(Duration window, Duration notice, ZoneId zone) {
        this.window = window;
        this.notice = notice;
        this.zone = zone;
    }

    public boolean refundable(Bill bill, Instant cancelledAt) {
        if (bill.status != BillStatus.PAID || bill.paidAt == null) {
            return false;
        }
        if (cancelledAt.isAfter(bill.paidAt.plus(window))) {
            return false;
        }
        if (bill.appointmentDate == null) {
            return true;
        }
        Instant dayBegins = bill.appointmentDate.atStartOfDay(zone).toInstant().minus(notice);
        return cancelledAt.isBefore(dayBegins);
    }
}
