package id.go.imigrasi.mpaspor.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DeskSeedTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Test
    void theDeskIsBookedOnTheOfficeClocksTodayShiftedLikeBiometricServicesClock() {
        LocalDate before = LocalDate.now(WIB);
        LocalDate unshifted = DeskSeed.officeToday(null);
        LocalDate blank = DeskSeed.officeToday(" ");
        LocalDate rehearsal = DeskSeed.officeToday("PT240H");
        LocalDate after = LocalDate.now(WIB);

        assertThat(unshifted).isBetween(before, after);
        assertThat(blank).isBetween(before, after);
        // the e2e run's office clock (MPASPOR_BIOMETRIC_CLOCK_OFFSET, Duration.toString()) is days ahead
        assertThat(rehearsal).isBetween(before.plusDays(10), after.plusDays(10));
        assertThat(DeskSeed.officeToday("-PT48H")).isBetween(before.minusDays(2), after.minusDays(2));
    }
}
