package id.go.imigrasi.mpaspor.biometric.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The ready-date rule by service line (issue 22), without a framework. */
class ReadyDatesTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Thursday; Friday the 25th is a holiday (Christmas), then the weekend. */
    private static final LocalDate CHRISTMAS_EVE = LocalDate.of(2026, 12, 24);
    private final ReadyDates ready = new ReadyDates(new WorkingDays(List.of(LocalDate.of(2026, 12, 25))), 4,
            LocalTime.of(13, 0), WIB);

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(WIB).toInstant();
    }

    @Test
    void regularIsReadyTheFourthWorkingDayAfterWhateverTheHour() {
        assertThat(ready.of("REGULAR", at(CHRISTMAS_EVE.minusDays(3), 8, 0), at(CHRISTMAS_EVE, 9, 0)))
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(ready.of(null, null, at(CHRISTMAS_EVE, 16, 0))).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void sameDayIsReadyThatDayWhenPaidAndApprovedBeforeTheCutoff() {
        Instant paidDaysBefore = at(CHRISTMAS_EVE.minusDays(3), 20, 0);
        assertThat(ready.of("SAME_DAY", paidDaysBefore, at(CHRISTMAS_EVE, 12, 59))).isEqualTo(CHRISTMAS_EVE);
        // approved at the cutoff or later: the next working day (Friday a holiday, then the weekend)
        assertThat(ready.of("SAME_DAY", paidDaysBefore, at(CHRISTMAS_EVE, 13, 0)))
                .isEqualTo(LocalDate.of(2026, 12, 28));
        // paid only after the cutoff that day: the next working day too
        assertThat(ready.of("SAME_DAY", at(CHRISTMAS_EVE, 13, 30), at(CHRISTMAS_EVE, 12, 0)))
                .isEqualTo(LocalDate.of(2026, 12, 28));
        // no payment time known: never the same day
        assertThat(ready.of("SAME_DAY", null, at(CHRISTMAS_EVE, 9, 0))).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void theCutoffIsOfficeTimeAndAHolidayIsNeverTheSameDay() {
        // 05:30 UTC is 12:30 WIB: before the cutoff, although it is "05:30" on a UTC clock
        assertThat(ready.of("SAME_DAY", at(CHRISTMAS_EVE, 8, 0), Instant.parse("2026-12-24T05:30:00Z")))
                .isEqualTo(CHRISTMAS_EVE);
        // approved on the holiday itself (an office opening for a backlog): the next working day
        LocalDate christmas = LocalDate.of(2026, 12, 25);
        assertThat(ready.of("SAME_DAY", at(CHRISTMAS_EVE, 8, 0), at(christmas, 9, 0)))
                .isEqualTo(LocalDate.of(2026, 12, 28));
    }
}
