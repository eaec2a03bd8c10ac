package id.go.imigrasi.mpaspor.billing.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The only moves of a refund case, in one place:
 *
 * <pre>
 * REQUESTED --approve (finance)--> APPROVED --paid (payout job, channel's reference)--> PAID
 * REQUESTED --reject (finance, with a reason)--> REJECTED
 * </pre>
 *
 * Anything else (approving twice, rejecting an approved case, paying an unapproved one) is refused with
 * {@link NotAllowed}, which the service answers as 409: money once approved is on its way back and a decision is
 * never silently overwritten. A failed payout leaves the case APPROVED with the next attempt pushed back
 * (exponential backoff), so the next run tries again.
 */
public final class RefundTransitions {

    /** The move {@code to} is not allowed from the case's state. */
    public static final class NotAllowed extends RuntimeException {
        private final RefundState from;
        private final RefundState to;

        NotAllowed(RefundState from, RefundState to) {
            super("refund case " + from + " cannot become " + to, null, false, false);
            this.from = from;
            this.to = to;
        }

        public RefundState from() {
            return from;
        }

        public RefundState to() {
            return to;
        }
    }

    private RefundTransitions() {
    }

    public static boolean allowed(RefundState from, RefundState to) {
        return switch (from) {
            case REQUESTED -> to == RefundState.APPROVED || to == RefundState.REJECTED;
            case APPROVED -> to == RefundState.PAID;
            case PAID, REJECTED -> false;
        };
    }

    /** Finance approves: due for payout at once. */
    public static void approve(RefundCase c, String by, Instant at) {
        move(c, RefundState.APPROVED);
        c.decidedBy = by;
        c.decidedAt = at;
        c.nextAttemptAt = at;
    }

    /** Finance rejects, saying why. */
    public static void reject(RefundCase c, String by, String reason, Instant at) {
        move(c, RefundState.REJECTED);
        c.decidedBy = by;
        c.decidedAt = at;
        c.rejectionReason = reason;
        c.nextAttemptAt = null;
    }

    /** The channel refunded it under {@code refundReference}. */
    public static void paid(RefundCase c, String refundReference, Instant at) {
        move(c, RefundState.PAID);
        c.refundReference = refundReference;
        c.paidAt = at;
        c.nextAttemptAt = null;
        c.lastError = null;
    }

    /**
     * The payout failed (channel down, timeout, refused): the case stays APPROVED and is tried again after
     * {@code initial × 2^(attempts-1)}, at most {@code max}.
     */
    public static void payoutFailed(RefundCase c, String error, Instant at, Duration initial, Duration max) {
        if (c.state != RefundState.APPROVED) {
            throw new NotAllowed(c.state, RefundState.APPROVED);
        }
        c.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        c.nextAttemptAt = at.plus(backoff(c.attempts, initial, max));
    }

    static Duration backoff(int attempts, Duration initial, Duration max) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration d = initial.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 || d.isNegative() ? max : d;
    }

    private static void move(RefundCase c, RefundState to) {
        if (!allowed(c.state, to)) {
            throw new NotAllowed(c.state, to);
        }
        c.state = to;
    }
}
