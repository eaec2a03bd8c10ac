package id.go.imigrasi.mpaspor.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** REQUESTED -> APPROVED -> PAID or REQUESTED -> REJECTED, nothing else; failed payouts back off. */
class RefundTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-11-02T03:00:00Z");

    private static RefundCase requested() {
        RefundCase c = new RefundCase();
        c.state = RefundState.REQUESTED;
        return c;
    }

    @Test
    void approvedThenPaidRecordsWhoWhenAndTheChannelsReference() {
        RefundCase c = requested();
        RefundTransitions.approve(c, "finance-1", NOW);
        assertThat(c.state).isEqualTo(RefundState.APPROVED);
        assertThat(c.decidedBy).isEqualTo("finance-1");
        assertThat(c.decidedAt).isEqualTo(NOW);
        assertThat(c.nextAttemptAt).as("due at once").isEqualTo(NOW);
        RefundTransitions.paid(c, "RF-1", NOW.plusSeconds(5));
        assertThat(c.state).isEqualTo(RefundState.PAID);
        assertThat(c.refundReference).isEqualTo("RF-1");
        assertThat(c.nextAttemptAt).isNull();
    }

    @Test
    void everyOtherMoveIsRefusedAndChangesNothing() {
        RefundCase rejected = requested();
        RefundTransitions.reject(rejected, "finance-1", "paid in cash at the office", NOW);
        assertThat(rejected.rejectionReason).isEqualTo("paid in cash at the office");
        assertThatThrownBy(() -> RefundTransitions.approve(rejected, "finance-2", NOW))
                .isInstanceOf(RefundTransitions.NotAllowed.class);
        assertThat(rejected.state).isEqualTo(RefundState.REJECTED);
        assertThat(rejected.decidedBy).isEqualTo("finance-1");

        RefundCase approved = requested();
        RefundTransitions.approve(approved, "finance-1", NOW);
        assertThatThrownBy(() -> RefundTransitions.approve(approved, "finance-2", NOW))
                .isInstanceOf(RefundTransitions.NotAllowed.class);
        assertThatThrownBy(() -> RefundTransitions.reject(approved, "finance-2", "no", NOW))
                .isInstanceOf(RefundTransitions.NotAllowed.class);
        assertThat(approved.decidedBy).isEqualTo("finance-1");

        assertThatThrownBy(() -> RefundTransitions.paid(requested(), "RF-2", NOW))
                .isInstanceOf(RefundTransitions.NotAllowed.class);
        for (RefundState from : RefundState.values()) {
            for (RefundState to : RefundState.values()) {
                boolean expected = from == RefundState.REQUESTED && (to == RefundState.APPROVED
                        || to == RefundState.REJECTED) || from == RefundState.APPROVED && to == RefundState.PAID;
                assertThat(RefundTransitions.allowed(from, to)).as(from + " -> " + to).isEqualTo(expected);
            }
        }
    }

    @Test
    void aFailedPayoutStaysApprovedAndBacksOffDoublingUpToTheMaximum() {
        RefundCase c = requested();
        RefundTransitions.approve(c, "finance-1", NOW);
        Duration initial = Duration.ofMinutes(1);
        Duration max = Duration.ofMinutes(10);
        c.attempts = 1;
        RefundTransitions.payoutFailed(c, "503", NOW, initial, max);
        assertThat(c.state).isEqualTo(RefundState.APPROVED);
        assertThat(c.nextAttemptAt).isEqualTo(NOW.plus(initial));
        c.attempts = 3;
        RefundTransitions.payoutFailed(c, "503", NOW, initial, max);
        assertThat(c.nextAttemptAt).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
        c.attempts = 40;
        RefundTransitions.payoutFailed(c, "503", NOW, initial, max);
        assertThat(c.nextAttemptAt).isEqualTo(NOW.plus(max));
        assertThat(c.lastError).isEqualTo("503");
    }
}
