package id.go.imigrasi.mpaspor.biometric.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private final WorkingDays days = new WorkingDays(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));

    @Test
    void fourWorkingDaysFromMondayIsFriday() {
        assertThat(days.plus(LocalDate.of(2026, 12, 7), 4)).isEqualTo(LocalDate.of(2026, 12, 11));
    }

    @Test
    void weekendsAreSkipped() {
        // Thursday + 4 = Wednesday
        assertThat(days.plus(LocalDate.of(2026, 12, 10), 4)).isEqualTo(LocalDate.of(2026, 12, 16));
    }

    @Test
    void holidaysAndWeekendsAreSkipped() {
        // Thu 24 Dec: Fri 25 holiday, weekend, Mon 28..Thu 31
        assertThat(days.plus(LocalDate.of(2026, 12, 24), 4)).isEqualTo(LocalDate.of(2026, 12, 31));
        // Wed 30 Dec: Thu 31, Fri 1 Jan holiday, weekend, Mon 4, Tue 5, Wed 6
        assertThat(days.plus(LocalDate.of(2026, 12, 30), 4)).isEqualTo(LocalDate.of(2027, 1, 6));
    }

    @Test
    void approvalOnASaturdayCountsFromMonday() {
        assertThat(days.plus(LocalDate.of(2026, 12, 12), 4)).isEqualTo(LocalDate.of(2026, 12, 17));
    }

    @Test
    void weekendAndHolidaysAreNotWorkingDays() {
        assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 26))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 28))).isTrue();
    }
}
