package id.go.imigrasi.mpaspor.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.domain.HoldStatus;
import id.go.imigrasi.mpaspor.quota.domain.HoldTransition;
import id.go.imigrasi.mpaspor.quota.domain.HoldTransition.Decision;

/**
 * HoldLifecycle's transitions as a table, without a database: which event moves a hold from which state, what a
 * repeated or late event does, and how far an extension goes. (HoldLifecycleTest drives the same through Kafka.)
 */
class HoldTransitionTest {

    @Test
    void anUnpaidHoldIsExtendedConfirmedOrReleased() {
        for (HoldTransition t : HoldTransition.values()) {
            assertThat(t.from(HoldStatus.HELD)).as(t.name()).isEqualTo(Decision.APPLY);
        }
        assertThat(HoldTransition.CONFIRM.to()).isEqualTo(HoldStatus.BOOKED);
        assertThat(HoldTransition.TIME_OUT.to()).isEqualTo(HoldStatus.RELEASED);
        assertThat(HoldTransition.BILLING_EXPIRED.to()).isEqualTo(HoldStatus.RELEASED);
    }

    @Test
    void aBookingIsReleasedOnlyByTheApplicationsCancellation() {
        assertThat(HoldTransition.CANCEL.from(HoldStatus.BOOKED)).isEqualTo(Decision.APPLY);
        assertThat(HoldTransition.CANCEL.to()).isEqualTo(HoldStatus.RELEASED);
        assertThat(HoldTransition.BILLING_EXPIRED.from(HoldStatus.BOOKED)).isEqualTo(Decision.IGNORE);
        assertThat(HoldTransition.TIME_OUT.from(HoldStatus.BOOKED)).isEqualTo(Decision.IGNORE);
        assertThat(HoldTransition.EXTEND.from(HoldStatus.BOOKED)).isEqualTo(Decision.IGNORE);
    }

    @Test
    void aRepeatedEventChangesNothingTwice() {
        assertThat(HoldTransition.CONFIRM.from(HoldStatus.BOOKED)).isEqualTo(Decision.ALREADY_DONE);
        assertThat(HoldTransition.BILLING_EXPIRED.from(HoldStatus.RELEASED)).isEqualTo(Decision.ALREADY_DONE);
        assertThat(HoldTransition.CANCEL.from(HoldStatus.RELEASED)).isEqualTo(Decision.ALREADY_DONE);
        assertThat(HoldTransition.TIME_OUT.from(HoldStatus.RELEASED)).isEqualTo(Decision.ALREADY_DONE);
    }

    @Test
    void aPaymentForAReleasedHoldIsFlaggedNotApplied() {
        assertThat(HoldTransition.CONFIRM.from(HoldStatus.RELEASED)).isEqualTo(Decision.PAID_AFTER_RELEASE);
        assertThat(HoldTransition.EXTEND.from(HoldStatus.RELEASED)).isEqualTo(Decision.IGNORE);
    }

    @Test
    void anEventForAnUnknownHoldIsIgnored() {
        for (HoldTransition t : HoldTransition.values()) {
            assertThat(t.from(null)).as(t.name()).isEqualTo(Decision.IGNORE);
        }
    }

    @Test
    void anExtensionLastsUntilTheBillingDeadlinePlusTheGraceButNeverShortens() {
        Instant expires = Instant.parse("2026-12-04T01:15:00Z");
        Instant deadline = Instant.parse("2026-12-04T03:00:00.123456789Z");
        assertThat(HoldTransition.extendedExpiry(expires, deadline, Duration.ofMinutes(5)))
                .isEqualTo(Instant.parse("2026-12-04T03:05:00.123456Z"));
        assertThat(HoldTransition.extendedExpiry(expires, Instant.parse("2026-12-04T01:00:00Z"), Duration.ZERO))
                .isEqualTo(expires);
    }
}
