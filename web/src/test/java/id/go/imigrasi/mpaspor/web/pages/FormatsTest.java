package id.go.imigrasi.mpaspor.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final Locale ID = Locale.forLanguageTag("id");

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
}
