package id.go.imigrasi.mpaspor.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** A paid application's cancellation is refunded within the window and before the appointment day, never after. */
class CancellationRefundPolicyTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Instant PAID = Instant.parse("2026-11-02T03:00:00Z");

    private final CancellationRefundPolicy policy = new CancellationRefundPolicy(Duration.ofDays(30), Duration.ZERO,
            WIB);

    private static Bill paid(LocalDate appointment) {
        Bill bill = new Bill();
        bill.status = BillStatus.PAID;
        bill.paidAt = PAID;
        bill.appointmentDate = appointment;
        return bill;
    }

    @Test
    void cancelledBeforeTheAppointmentDayWithinTheWindowIsRefundable() {
        Bill bill = paid(LocalDate.of(2026, 11, 10));
        assertThat(policy.refundable(bill, PAID.plus(Duration.ofDays(1)))).isTrue();
        // the last moment: one second before midnight WIB of the appointment day (16:59:59 UTC the day before)
        assertThat(policy.refundable(bill, Instant.parse("2026-11-09T16:59:59Z"))).isTrue();
    }

    @Test
    void cancelledOnOrAfterTheAppointmentDayIsNotRefundable() {
        Bill bill = paid(LocalDate.of(2026, 11, 10));
        assertThat(policy.refundable(bill, Instant.parse("2026-11-09T17:00:00Z"))).as("midnight WIB").isFalse();
        assertThat(policy.refundable(bill, Instant.parse("2026-11-12T03:00:00Z"))).isFalse();
    }

    @Test
    void cancelledAfterTheWindowIsNotRefundableEvenBeforeAFarAppointment() {
        Bill bill = paid(LocalDate.of(2027, 3, 1));
        assertThat(policy.refundable(bill, PAID.plus(Duration.ofDays(30)))).isTrue();
        assertThat(policy.refundable(bill, PAID.plus(Duration.ofDays(30)).plusSeconds(1))).isFalse();
    }

    @Test
    void noticeMovesTheCutOffEarlier() {
        CancellationRefundPolicy twoDays = new CancellationRefundPolicy(Duration.ofDays(30), Duration.ofDays(2), WIB);
        Bill bill = paid(LocalDate.of(2026, 11, 10));
        assertThat(twoDays.refundable(bill, Instant.parse("2026-11-07T16:59:59Z"))).isTrue();
        assertThat(twoDays.refundable(bill, Instant.parse("2026-11-07T17:00:00Z"))).isFalse();
    }

    @Test
    void withoutAKnownDayOnlyTheWindowDecidesAndUnpaidBillsAreNeverThisRulesBusiness() {
        assertThat(policy.refundable(paid(null), PAID.plus(Duration.ofDays(29)))).isTrue();
        Bill issued = paid(LocalDate.of(2026, 11, 10));
        issued.status = BillStatus.ISSUED;
        issued.paidAt = null;
        assertThat(policy.refundable(issued, PAID)).isFalse();
    }
}
