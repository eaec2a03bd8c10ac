package id.go.imigrasi.mpaspor.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final Locale ID = Locale.forLanguageTag("id");
    /** An office's hours as the API gives them, Friday with the prayer break, closed at the weekend. */
    private static final List<Map<String, Object>> HOURS = List.of(
            interval(1, "08:00", "16:00"), interval(2, "08:00", "16:00"), interval(3, "08:00", "16:00"),
            interval(4, "08:00", "16:00"), interval(5, "13:00", "16:00"), interval(5, "08:00", "11:30"));

    @Test
    void rupiahUsesTheLanguagesGroupingAndNoDecimals() {
        assertThat(Formats.rupiah(1_900_000L, ID)).isEqualTo("Rp1.900.000");
        assertThat(Formats.rupiah(1_900_000, Locale.ENGLISH)).isEqualTo("Rp1,900,000");
        assertThat(Formats.rupiah("650000", "id")).isEqualTo("Rp650.000");
        assertThat(Formats.rupiah(0, ID)).isEqualTo("Rp0");
        assertThat(Formats.rupiah("n/a", ID)).as("not a number: as it came").isEqualTo("n/a");
    }

    @Test
    void anInstantIsWrittenInTheOfficesZoneWithTheZoneNamedNeverUtc() {
        String utc = "2026-12-04T07:52:10Z";
        assertThat(Formats.dateTime(utc, "WIB", ID)).isEqualTo("4 Desember 2026 14.52 WIB");
        assertThat(Formats.dateTime(utc, "WITA", ID)).isEqualTo("4 Desember 2026 15.52 WITA");
        assertThat(Formats.dateTime(utc, "WIT", Locale.ENGLISH)).isEqualTo("4 December 2026, 16:52 WIT");
        assertThat(Formats.dateTime("2026-12-04T18:30:00Z", null, ID)).as("no office: WIB, the next day")
                .isEqualTo("5 Desember 2026 01.30 WIB");
        assertThat(Formats.dateTime(utc, "UTC", ID)).as("an unknown zone is WIB").endsWith(" WIB");
        assertThat(Formats.time(utc, "WITA", ID)).isEqualTo("15.52 WITA");
        assertThat(Formats.dateTime("soon", "WIB", ID)).isEqualTo("soon");
    }

    @Test
    void aDateIsWrittenAsReadAndAnInstantsDayIsTheZones() {
        assertThat(Formats.date("2026-12-07", "WIB", ID)).isEqualTo("Senin, 7 Desember 2026");
        assertThat(Formats.date("2026-12-07", "WIB", Locale.ENGLISH)).isEqualTo("Monday, 7 December 2026");
        assertThat(Formats.date("2026-12-06T20:00:00Z", "WIT", ID)).as("already Monday in Jayapura")
                .isEqualTo("Senin, 7 Desember 2026");
        assertThat(Formats.shortDate("2026-12-07", "WIB", Locale.ENGLISH)).isEqualTo("Mon, 7 Dec");
    }

    @Test
    void weekdaysAndTimesAreWrittenAsTheLanguageWritesThem() {
        assertThat(Formats.weekday(5, ID)).isEqualTo("Jumat");
        assertThat(Formats.weekday(7, ID)).isEqualTo("Minggu");
        assertThat(Formats.weekday("1", Locale.ENGLISH)).isEqualTo("Monday");
        assertThat(Formats.weekday(8, ID)).as("not a weekday: as it came").isEqualTo("8");
        assertThat(Formats.clock("08:00", ID)).isEqualTo("08.00");
        assertThat(Formats.clock("13:30", Locale.ENGLISH)).isEqualTo("13:30");
        assertThat(Formats.clock("noon", ID)).isEqualTo("noon");
    }

    @Test
    void theWeekStartsOnMondayWithEachDaysIntervalsInOrderAndClosedDaysEmpty() {
        List<Map<String, Object>> week = Formats.week(HOURS);
        assertThat(week).hasSize(7).extracting(d -> d.get("weekday")).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(Formats.intervals(week.get(4).get("intervals"), ID)).isEqualTo("08.00\u201311.30, 13.00\u201316.00");
        assertThat(Formats.intervals(week.get(4).get("intervals"), Locale.ENGLISH))
                .isEqualTo("08:00\u201311:30, 13:00\u201316:00");
        assertThat((List<?>) week.get(5).get("intervals")).isEmpty();
        assertThat((List<?>) week.get(6).get("intervals")).isEmpty();
        assertThat(Formats.week(null)).as("no hours: a closed week, no failure").hasSize(7)
                .allMatch(d -> ((List<?>) d.get("intervals")).isEmpty());
    }

    @Test
    void theWeekInOneLineGroupsDaysWithTheSameHoursAndLeavesClosedDaysOut() {
        assertThat(Formats.weekSummary(HOURS, ID))
                .isEqualTo("Senin\u2013Kamis 08.00\u201316.00; Jumat 08.00\u201311.30, 13.00\u201316.00");
        List<Map<String, Object>> withSaturday = new java.util.ArrayList<>(HOURS);
        withSaturday.add(interval(6, "08:00", "12:00"));
        assertThat(Formats.weekSummary(withSaturday, Locale.ENGLISH)).isEqualTo("Monday\u2013Thursday 08:00\u201316:00;"
                + " Friday 08:00\u201311:30, 13:00\u201316:00; Saturday 08:00\u201312:00");
        assertThat(Formats.weekSummary(List.of(), ID)).isEmpty();
    }

    @Test
    void openNowIsReadInTheOfficesZoneFromOpeningUpToButNotIncludingClosing() {
        // Friday 4 December 2026
        assertThat(Formats.openAt(HOURS, "WITA", Instant.parse("2026-12-04T00:00:00Z"))).as("08:00 WITA: opens").isTrue();
        assertThat(Formats.openAt(HOURS, "WITA", Instant.parse("2026-12-04T03:29:59Z"))).as("11:29:59 WITA").isTrue();
        assertThat(Formats.openAt(HOURS, "WITA", Instant.parse("2026-12-04T03:30:00Z"))).as("11:30 WITA: the prayer break")
                .isFalse();
        assertThat(Formats.openAt(HOURS, "WIB", Instant.parse("2026-12-04T03:30:00Z"))).as("10:30 in Jakarta: open")
                .isTrue();
        assertThat(Formats.openAt(HOURS, "WITA", Instant.parse("2026-12-04T05:00:00Z"))).as("13:00 WITA: open again")
                .isTrue();
        assertThat(Formats.openAt(HOURS, "WIT", Instant.parse("2026-12-04T07:00:00Z"))).as("16:00 WIT: closed").isFalse();
        assertThat(Formats.openAt(HOURS, "WIT", Instant.parse("2026-12-05T01:00:00Z"))).as("Saturday 10:00 WIT").isFalse();
        assertThat(Formats.openAt(HOURS, "WIT", Instant.parse("2026-12-06T23:00:00Z")))
                .as("Sunday 23:00 UTC is Monday 08:00 in Jayapura").isTrue();
        assertThat(Formats.weekdayAt(Instant.parse("2026-12-06T23:00:00Z"), "WIT")).isEqualTo(1);
    }

    private static Map<String, Object> interval(int weekday, String opens, String closes) {
        return Map.of("weekday", weekday, "opens", opens, "closes", closes);
    }
}
