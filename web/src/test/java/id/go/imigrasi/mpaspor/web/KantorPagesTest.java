package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The office desk against a stand-in API that keeps the biometric service's steps and office boundary: the
 * officer's login lands on /kantor, the day by session, check-in refused beside the NIK on a mismatch, each action
 * one post answered with the page, CSRF on every form, and nothing of another office's appointment on the page.
 */
@QuarkusTest
@WithTestResource(FakeDeskApi.class)
class KantorPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @BeforeEach
    void fresh() {
        FakeDeskApi.reset();
    }

    /** A browser of one visitor: its cookie as the site last sealed it, and the CSRF token of its forms. */
    static final class Desk {
        String cookie;
        String csrf;

        static Desk login(String email) {
            Desk d = new Desk();
            Response page = given().get("/login");
            d.cookie = page.getCookie("mpaspor_session");
            d.csrf = csrf(page.asString());
            Response in = given().cookie("mpaspor_session", d.cookie).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded").formParam("csrf", d.csrf)
                    .formParam("email", email).formParam("password", "Rahasia-Kantor-2026").post("/login");
            assertThat(in.statusCode()).isEqualTo(303);
            d.cookie = in.getCookie("mpaspor_session");
            d.landing = in.header("Location");
            d.csrf = csrf(d.get("/kantor".equals(d.landing) || "/admin".equals(d.landing) ? "/" : "/").asString());
            return d;
        }

        String landing;

        Response get(String path) {
            Response r = given().cookie("mpaspor_session", cookie).redirects().follow(false).get(path);
            keep(r);
            return r;
        }

        Response post(String path, Map<String, String> fields) {
            var req = given().cookie("mpaspor_session", cookie).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded").formParam("csrf", csrf);
            for (var e : fields.entrySet()) {
                req = req.formParam(e.getKey(), e.getValue());
            }
            Response r = req.post(path);
            keep(r);
            return r;
        }

        private void keep(Response r) {
            if (r.getCookie("mpaspor_session") != null) {
                cookie = r.getCookie("mpaspor_session");
            }
        }
    }

    @Test
    void anOfficerLandsOnTheDeskAndSeesTheDayBySessionWithState() {
        Desk desk = Desk.login("officer@jkt");
        assertThat(desk.landing).isEqualTo("/kantor");
        String day = desk.get("/kantor").then().statusCode(200).extract().asString();
        assertThat(day).contains("Janji temu hari ini", "Sesi pagi (1)", "Sesi siang (0)", FakeDeskApi.CODE,
                "Dewi Lestari", "Ditunggu", "action=\"/kantor/check-in\"", "autofocus", "name=\"csrf\"");
        assertThat(Desk.login("admin@x").landing).isEqualTo("/admin");
        assertThat(Desk.login("siti@x").landing).isEqualTo("/applications");
    }

    @Test
    void theDeskFindsAnApplicantByNameOrNikAndSaysWhatCannotBeSearched() {
        Desk desk = Desk.login("officer@jkt");
        assertThat(desk.get("/kantor").then().statusCode(200).extract().asString())
                .contains("action=\"/kantor/search\"", "role=\"search\"");
        String found = desk.get("/kantor/search?q=Lestari").then().statusCode(200).extract().asString();
        assertThat(found).contains("href=\"/kantor/appointments/" + FakeDeskApi.ID + "\"", "Dewi Lestari",
                "value=\"Lestari\"");
        assertThat(desk.get("/kantor/search?q=" + FakeDeskApi.NIK).then().statusCode(200).extract().asString())
                .contains("Dewi Lestari");
        assertThat(desk.get("/kantor/search?q=Santoso").then().statusCode(200).extract().asString())
                .contains("id=\"no-results\"").doesNotContain("Dewi Lestari");
        assertThat(desk.get("/kantor/search?q=ab").then().statusCode(200).extract().asString())
                .contains("id=\"q-error\"", "sedikitnya 3 huruf nama").doesNotContain("no-results");
        // another office's officer: the API answers nothing of JKT's
        assertThat(Desk.login("officer@bdg").get("/kantor/search?q=Lestari").then().statusCode(200).extract()
                .asString()).contains("id=\"no-results\"");
    }

    @Test
    void aWrongNikIsRefusedBesideTheNikFieldAndTheRightOneChecksInWithOneAnswer() {
        Desk desk = Desk.login("officer@jkt");
        Response wrong = desk.post("/kantor/check-in", Map.of("bookingCode", FakeDeskApi.CODE,
                "nik", "3171014506900099"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.asString()).contains("id=\"nik-error\"", "BUKAN NIK yang terdaftar", "<a href=\"#nik\">",
                "value=\"" + FakeDeskApi.CODE + "\"", "aria-invalid=\"true\"");
        assertThat(FakeDeskApi.appointment.path("status").asText()).isEqualTo("SCHEDULED");

        Response right = desk.post("/kantor/check-in", Map.of("bookingCode", FakeDeskApi.CODE.toLowerCase(),
                "nik", FakeDeskApi.NIK));
        assertThat(right.statusCode()).as("the page itself, not a redirect").isEqualTo(200);
        assertThat(right.asString()).contains("Check-in berhasil", "Sudah check-in",
                "action=\"/kantor/appointments/" + FakeDeskApi.ID + "/interview\"");
    }

    @Test
    void aFingerFailingThreeTimesAsksForTheExceptionWhichIsRecordedWithItsReason() {
        Desk desk = Desk.login("officer@jkt");
        desk.post("/kantor/check-in", Map.of("bookingCode", FakeDeskApi.CODE, "nik", FakeDeskApi.NIK));
        String base = "/kantor/appointments/" + FakeDeskApi.ID;
        assertThat(desk.post(base + "/interview", Map.of("interview-outcome", "VERIFIED")).asString())
                .contains("Hasil wawancara tercatat", "Sudah wawancara", "name=\"fingers-RIGHT_THUMB\"");
        Response tooEarly = desk.post(base + "/exception", Map.of("exception-finger", "LEFT_INDEX",
                "exception-kind", "INJURED", "exception-reason", "luka bakar"));
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(tooEarly.asString()).contains("class=\"error-summary\"", "Belum tiga kali gagal");
        for (int i = 0; i < 3; i++) {
            desk.post(base + "/fingers", Map.of("fingers-LEFT_INDEX", "12"));
        }
        assertThat(FakeDeskApi.SEEN).as("scores leave as JSON numbers: the API takes no \"12\" for 12")
                .anyMatch(s -> s.contains("{\"finger\":\"LEFT_INDEX\",\"nfiq2\":12}"));
        String page = desk.get(base).asString();
        assertThat(page).containsPattern("id=\"finger-LEFT_INDEX\">.*Perlu pengecualian</span></td><td>3</td><td>12</td>");
        String done = desk.post(base + "/exception", Map.of("exception-finger", "LEFT_INDEX",
                "exception-kind", "INJURED", "exception-reason", "luka bakar")).then().statusCode(200).extract().asString();
        assertThat(done).contains("Pengecualian jari tercatat").containsPattern(
                "id=\"finger-LEFT_INDEX\">.*Pengecualian</span></td><td>3</td><td>12</td><td>Luka: luka bakar</td>");
    }

    @Test
    void everyDeskFormWithoutTheSessionsCsrfTokenIsRefusedAndNothingReachesTheApi() {
        Desk desk = Desk.login("officer@jkt");
        FakeDeskApi.SEEN.clear();
        desk.csrf = "forged";
        assertThat(desk.post("/kantor/check-in", Map.of("bookingCode", FakeDeskApi.CODE, "nik", FakeDeskApi.NIK))
                .statusCode()).isEqualTo(403);
        assertThat(desk.post("/kantor/appointments/" + FakeDeskApi.ID + "/issuance", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(FakeDeskApi.SEEN).isEmpty();
    }

    @Test
    void onceCheckedInTheApplicantsAcceptedDocumentsOpenFromTheAppointmentAsTheApiAllows() {
        Desk desk = Desk.login("officer@jkt");
        String before = desk.get("/kantor/appointments/" + FakeDeskApi.ID).then().statusCode(200).extract().asString();
        assertThat(before).doesNotContain("id=\"documents\"");
        assertThat(FakeDeskApi.SEEN).noneMatch(seen -> seen.contains("/requirements"));

        desk.post("/kantor/check-in", Map.of("bookingCode", FakeDeskApi.CODE, "nik", FakeDeskApi.NIK));
        String page = desk.get("/kantor/appointments/" + FakeDeskApi.ID).then().statusCode(200).extract().asString();
        String link = "/kantor/appointments/" + FakeDeskApi.ID + "/documents/EKTP";
        assertThat(page).contains("Dokumen pemohon", "id=\"documents\"", "href=\"" + link + "\"", "e-KTP",
                "dicatat atas nama Anda");
        assertThat(page).as("only this applicant's accepted documents")
                .doesNotContain("/documents/KK\"", "/documents/DIPLOMA\"");

        Response document = desk.get(link);
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.contentType()).isEqualTo("image/png");
        assertThat(document.header("Cache-Control")).isEqualTo("no-store");
        assertThat(document.asByteArray()).isEqualTo(FakeDeskApi.EKTP);
        assertThat(FakeDeskApi.SEEN).anyMatch(seen -> seen.startsWith("GET /applications/app-1/applicants/ap-1/documents/EKTP"));

        // a document whose stored file failed its integrity check: the appointment page says so, not "not found"
        FakeDeskApi.ektpTampered = true;
        Response broken = desk.get(link);
        assertThat(broken.statusCode()).isEqualTo(410);
        assertThat(broken.contentType()).startsWith("text/html");
        assertThat(broken.asString()).contains("Dokumen tidak dapat dibuka", "Dewi Lestari");
        FakeDeskApi.ektpTampered = false;

        // application-service decides "today at this office": its refusal is the appointment page with its words
        FakeDeskApi.checkedInToday = false;
        Response refused = desk.get(link);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("Dokumen hanya dapat dibuka di loket", "Dewi Lestari");
        assertThat(desk.get("/kantor/appointments/" + FakeDeskApi.ID + "/documents/ektp%27").statusCode())
                .as("no such document code: nothing asked").isEqualTo(404);

        Desk other = Desk.login("officer@bdg");
        FakeDeskApi.SEEN.clear();
        assertThat(other.get(link).statusCode()).isEqualTo(404);
        assertThat(FakeDeskApi.SEEN).noneMatch(seen -> seen.contains("/documents/"));
    }

    @Test
    void anOfficerOfAnotherOfficeSeesNothingOfTheAppointment() {
        Desk other = Desk.login("officer@bdg");
        String day = other.get("/kantor").then().statusCode(200).extract().asString();
        assertThat(day).doesNotContain("Dewi Lestari", FakeDeskApi.CODE);
        Response one = other.get("/kantor/appointments/" + FakeDeskApi.ID);
        assertThat(one.statusCode()).isEqualTo(404);
        assertThat(one.asString()).doesNotContain("Dewi Lestari", FakeDeskApi.CODE);
        Response act = other.post("/kantor/appointments/" + FakeDeskApi.ID + "/interview",
                Map.of("interview-outcome", "VERIFIED"));
        assertThat(act.statusCode()).isEqualTo(404);
        assertThat(act.asString()).doesNotContain("Dewi Lestari");
        assertThat(FakeDeskApi.appointment.path("status").asText()).isEqualTo("SCHEDULED");
    }

    @Test
    void theDeskIsForOfficersOnlyAndAskesAVisitorToLogIn() {
        given().redirects().follow(false).get("/kantor").then().statusCode(303);
        Desk applicant = Desk.login("siti@x");
        assertThat(applicant.get("/kantor").statusCode()).isEqualTo(403);
        assertThat(applicant.get("/kantor").asString()).contains("Hanya untuk petugas");
    }

    @Test
    void theDeskSpeaksEnglishToo() {
        Desk desk = Desk.login("officer@jkt");
        desk.get("/language?lang=en&back=/kantor");
        assertThat(desk.get("/kantor").asString()).contains("<html lang=\"en\">", "Today&#39;s appointments",
                "Morning session", "Expected", "Booking code");
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
