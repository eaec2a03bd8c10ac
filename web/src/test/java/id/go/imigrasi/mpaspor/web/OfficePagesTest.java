package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An office's hours and services as the API gives them (stand-in {@link FakeApi}: Makassar, WITA), on the office page
 * as a table of the week and in the finder as one line: weekday names and times in the visitor's language, Friday's
 * two intervals, the weekend closed, and "open now" computed in the office's own zone at a fixed instant.
 */
@QuarkusTest
@WithTestResource(FakeApi.class)
class OfficePagesTest {

    /** Friday 4 December 2026, 12:00 in Makassar (WITA): the prayer break, while it is 11:00 and open in Jakarta. */
    private static final Instant FRIDAY_NOON_WITA = Instant.parse("2026-12-04T04:00:00Z");
    /** Monday 7 December 2026, 08:30 in Makassar: open, while Jakarta (WIB) is at 07:30 and not yet open. */
    private static final Instant MONDAY_0830_WITA = Instant.parse("2026-12-07T00:30:00Z");
    /** Monday 7 December 2026, 16:15 in Makassar: closed, while Jakarta is at 15:15 and still open. */
    private static final Instant MONDAY_1615_WITA = Instant.parse("2026-12-07T08:15:00Z");
    /** Sunday 6 December 2026, 10:00 in Makassar. */
    private static final Instant SUNDAY_WITA = Instant.parse("2026-12-06T02:00:00Z");

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theOfficePageShowsTheWeekAsATableInBahasaIndonesiaWithFridaysPrayerBreakAndTheWeekendClosed() {
        clock.set(FRIDAY_NOON_WITA);
        String html = given().get("/offices/MKS").then().statusCode(200).extract().asString();
        assertThat(html).contains(
                "<caption>Jam buka per hari, waktu setempat (WITA)</caption>",
                "<th scope=\"col\">Hari</th><th scope=\"col\">Jam buka</th>",
                "<tr><th scope=\"row\">Senin</th><td>08.00\u201316.00</td></tr>",
                "<tr><th scope=\"row\">Kamis</th><td>08.00\u201316.00</td></tr>",
                "<tr><th scope=\"row\">Jumat (hari ini)</th><td>08.00\u201311.30, 13.00\u201316.00</td></tr>",
                "<tr><th scope=\"row\">Sabtu</th><td>Tutup</td></tr>",
                "<tr><th scope=\"row\">Minggu</th><td>Tutup</td></tr>");
        assertThat(html).as("closed for the prayer break, said in words, at the office's own time")
                .contains("<strong>Tutup sekarang</strong> (waktu setempat <time datetime=\"2026-12-04T04:00:00Z\">12.00 WITA</time>)")
                .doesNotContain("Buka sekarang");
        assertThat(html).as("the services in plain words, only those the API gives")
                .contains("<li>Paspor reguler, dengan jadwal yang dipesan online</li>",
                        "<li>Layanan prioritas tanpa jadwal untuk lansia, anak kecil, ibu hamil, dan penyandang disabilitas</li>")
                .doesNotContain("percepatan");
    }

    @Test
    void inEnglishTheWeekdaysAndTimesAreEnglish() {
        clock.set(FRIDAY_NOON_WITA.minusSeconds(2 * 3600)); // 10:00 WITA
        String cookie = english();
        String html = given().cookie("mpaspor_session", cookie).get("/offices/MKS").then().statusCode(200).extract()
                .asString();
        assertThat(html).contains(
                "<caption>Opening hours by day, local time (WITA)</caption>",
                "<tr><th scope=\"row\">Monday</th><td>08:00\u201316:00</td></tr>",
                "<tr><th scope=\"row\">Friday (today)</th><td>08:00\u201311:30, 13:00\u201316:00</td></tr>",
                "<tr><th scope=\"row\">Sunday</th><td>Closed</td></tr>",
                "<strong>Open now</strong> (local time <time datetime=\"2026-12-04T02:00:00Z\">10:00 WITA</time>)",
                "<li>Regular passport, with an appointment booked online</li>")
                .doesNotContain("Senin", "Tutup");
    }

    @Test
    void openNowIsTheOfficesOwnZoneNotJakartas() {
        clock.set(MONDAY_0830_WITA);
        assertThat(given().get("/offices/MKS").asString()).as("08:30 in Makassar, 07:30 in Jakarta")
                .contains("<strong>Buka sekarang</strong>", "08.30 WITA", "<th scope=\"row\">Senin (hari ini)</th>");
        clock.set(MONDAY_1615_WITA);
        assertThat(given().get("/offices/MKS").asString()).as("16:15 in Makassar, 15:15 in Jakarta")
                .contains("<strong>Tutup sekarang</strong>", "16.15 WITA");
        clock.set(SUNDAY_WITA);
        assertThat(given().get("/offices/MKS").asString()).contains("<strong>Tutup sekarang</strong>",
                "<tr><th scope=\"row\">Minggu (hari ini)</th><td>Tutup</td></tr>");
    }

    @Test
    void theFinderGivesEachOfficeItsWeekInOneLineAndItsServices() {
        clock.set(MONDAY_0830_WITA);
        String html = given().get("/offices").then().statusCode(200).extract().asString();
        assertThat(html).contains("<strong>Buka sekarang</strong> \u00b7 Jam buka: Senin\u2013Kamis 08.00\u201316.00;"
                + " Jumat 08.00\u201311.30, 13.00\u201316.00 (WITA)", "Layanan: reguler, prioritas (tanpa jadwal)");
        assertThat(html).as("an office the API gives no hours for is listed without them, not failed")
                .contains("Kantor Imigrasi Kelas II TPI Tembagapura", "href=\"/offices/TIM\"")
                .containsOnlyOnce("Jam buka:");

        String english = given().cookie("mpaspor_session", english()).get("/offices").asString();
        assertThat(english).contains("<strong>Open now</strong> \u00b7 Open: Monday\u2013Thursday 08:00\u201316:00;"
                + " Friday 08:00\u201311:30, 13:00\u201316:00 (WITA)", "Services: regular, priority (walk-in)");
    }

    @Test
    void anOfficeTheApiGivesNoHoursForSaysSoAndStillShowsItsCalendar() {
        String html = given().get("/offices/TIM").then().statusCode(200).extract().asString();
        assertThat(html).contains("Jam buka kantor ini belum tersedia.", "<h2>Kuota per tanggal</h2>")
                .as("no hours, no open-now guess, and no claim about services the API did not give")
                .doesNotContain("<table id=\"hours\"", "sekarang</strong>", "Layanan paspor di kantor ini");
    }

    /** A session whose language is English. */
    private static String english() {
        String cookie = given().get("/").then().extract().cookie("mpaspor_session");
        return given().cookie("mpaspor_session", cookie).redirects().follow(false).get("/language?lang=en&back=/")
                .then().extract().cookie("mpaspor_session");
    }
}
