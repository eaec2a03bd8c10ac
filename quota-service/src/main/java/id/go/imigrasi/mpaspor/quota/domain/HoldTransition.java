package id.go.imigrasi.mpaspor.quota.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * What may happen to a hold after it was placed, and from which states: the rule of
 * {@link id.go.imigrasi.mpaspor.quota.service.HoldLifecycle}, which applies a transition only when
 * {@link #from(HoldStatus)} says {@link Decision#APPLY}, on the hold's row locked first. So a late or repeated event,
 * the expiry timer and another instance never extend, confirm or release a hold twice.
 */
public enum HoldTransition {
    /** BillingIssued: an unpaid hold lasts until the billing deadline. */
    EXTEND(HoldStatus.HELD, HoldStatus.HELD),
    /** BillingPaid: the hold becomes the booking of the office visit. */
    CONFIRM(HoldStatus.BOOKED, HoldStatus.HELD),
    /** BillingExpired: an unpaid hold goes back to the calendar. */
    BILLING_EXPIRED(HoldStatus.RELEASED, HoldStatus.HELD),
    /** ApplicationCancelled: a hold or a booking goes back to the calendar. */
    CANCEL(HoldStatus.RELEASED, HoldStatus.HELD, HoldStatus.BOOKED),
    /** The hold's time ran out before it was billed (the expiry job). */
    TIME_OUT(HoldStatus.RELEASED, HoldStatus.HELD);

    /** What to do with a transition asked of a hold in some state. */
    public enum Decision {
        /** Do it. */
        APPLY,
        /** Nothing: the hold is already where the transition leads (a redelivered event). */
        ALREADY_DONE,
        /** Nothing: the transition no longer applies (e.g. a bill expired after it was paid), or no such hold. */
        IGNORE,
        /** Nothing can be done, and operations must know: a payment for a hold released earlier. */
        PAID_AFTER_RELEASE
    }

    private final HoldStatus to;
    private final Set<HoldStatus> from;

    HoldTransition(HoldStatus to, HoldStatus first, HoldStatus... more) {
        this.to = to;
        this.from = EnumSet.of(first, more);
    }

    /** The state the hold is in after the transition. */
    public HoldStatus to() {
        return to;
    }

    /** The decision for a hold in {@code status} (null: there is no such hold). */
    public Decision from(HoldStatus status) {
        if (status == null) {
            return Decision.IGNORE;
        }
        if (from.contains(status)) {
            return Decision.APPLY;
        }
        if (this == CONFIRM && status == HoldStatus.RELEASED) {
            return Decision.PAID_AFTER_RELEASE;
        }
        return status == to ? Decision.ALREADY_DONE : Decision.IGNORE;
    }

    /**
     * The expiry of an extended hold: the billing deadline plus a grace (so that BillingExpired, not the timer, ends
     * an unpaid bill's hold), never earlier than it expires already; at the database's precision (microseconds).
     */
    public static Instant extendedExpiry(Instant expiresAt, Instant billingExpiresAt, Duration grace) {
        Instant until = billingExpiresAt.plus(grace).truncatedTo(ChronoUnit.MICROS);
        return until.isBefore(expiresAt) ? expiresAt : until;
    }
}
