package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The backend-for-frontend's own rules, against a stand-in API: CSRF, the session cookie, errors on the page. */
@QuarkusTest
@WithTestResource(FakeApi.class)
class WebsiteBffTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefusedAndNothingReachesTheApi() {
        Response page = given().get("/register");
        String cookie = page.getCookie("mpaspor_session");
        FakeApi.SEEN.clear();
        given().cookie("mpaspor_session", cookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", "forged").formParam("name", "Siti").formParam("email", "siti@example.id")
                .formParam("password", "Kopi-Tubruk-2026")
                .post("/register").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("Formulir sudah kedaluwarsa"));
        given().contentType("application/x-www-form-urlencoded").formParam("email", "siti@example.id")
                .post("/login").then().statusCode(403);
        assertThat(FakeApi.SEEN).isEmpty();
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureBehindTls() {
        String plain = given().get("/").then().statusCode(200).extract().header("Set-Cookie");
        assertThat(plain).contains("mpaspor_session=", "HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
        String tls = given().header("X-Forwarded-Proto", "https").get("/").then().statusCode(200).extract()
                .header("Set-Cookie");
        assertThat(tls).contains("Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void theApisFieldErrorsAreShownBesideTheFieldsAndInTheSummaryWithWhatWasTypedKept() {
        Response page = given().get("/register");
        String csrf = csrf(page.asString());
        String html = given().cookie("mpaspor_session", page.getCookie("mpaspor_session"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf", csrf)
                .formParam("name", "Siti Rahmawati").formParam("email", "siti@").formParam("phone", "0812")
                .formParam("password", "pendek").post("/register").then().statusCode(200).extract().asString();
        assertThat(html).contains("class=\"error-summary\"", "<a href=\"#email\">Alamat e-mail tidak valid</a>",
                "<a href=\"#password\">Kata sandi terlalu pendek</a>",
                "<p class=\"error-message\" id=\"email-error\">Alamat e-mail tidak valid</p>",
                "value=\"Siti Rahmawati\"", "aria-invalid=\"true\"");
        assertThat(html).as("a password is never written back into the page").doesNotContain("pendek\"");
    }

    @Test
    void aBusyApiGivesAPoliteAnswerThatKeepsTheFormAndSendsItAgainAfterRetryAfter() {
        Response page = given().get("/register");
        Response busy = given().cookie("mpaspor_session", page.getCookie("mpaspor_session"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf", csrf(page.asString()))
                .formParam("name", "Siti Rahmawati").formParam("email", "busy@example.id")
                .formParam("password", "Kopi-Tubruk-2026").post("/register");
        busy.then().statusCode(503).header("Retry-After", "7").contentType(containsString("text/html"))
                .body(containsString("data-resubmit=\"7\""), containsString("value=\"busy@example.id\""),
                        containsString("Server sedang sibuk"), not(containsString("Exception")));
    }

    @Test
    void everyPageForbidsFramingAndInlineScripts() {
        String csp = given().get("/").then().statusCode(200).extract().header("Content-Security-Policy");
        assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self'").doesNotContain("unsafe-inline");
        String html = given().get("/").asString();
        assertThat(html).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=");
    }

    @Test
    void accountPagesSendAVisitorWithoutLoginToTheLoginPage() {
        given().redirects().follow(false).get("/applications").then().statusCode(303)
                .header("Location", containsString("/login?back=%2Fapplications"));
    }

    @Test
    void englishIsOneClickAwayAndStaysForTheSession() {
        Response home = given().get("/");
        assertThat(home.asString()).contains("<html lang=\"id\">", "Ajukan paspor secara online");
        String cookie = home.getCookie("mpaspor_session");
        // the session travels sealed in its cookie: the switch gives the browser the cookie sealed again
        cookie = given().cookie("mpaspor_session", cookie).redirects().follow(false).get("/language?lang=en&back=/")
                .then().statusCode(303).extract().cookie("mpaspor_session");
        assertThat(given().cookie("mpaspor_session", cookie).get("/").asString())
                .contains("<html lang=\"en\">", "Apply for a passport online");
    }

    @Test
    void assetsCarryAContentHashAndAreCachedForAYear() {
        String html = given().get("/").asString();
        Matcher css = Pattern.compile("/assets/app\\.[0-9a-f]{12}\\.css").matcher(html);
        assertThat(css.find()).isTrue();
        given().get(css.group()).then().statusCode(200).header("Cache-Control", containsString("immutable"))
                .header("Cache-Control", containsString("max-age=31536000"));
    }

    @Test
    void theFeeCalculatorShowsTheApisPricesAndQuoteWithAPlainGetForm() {
        String page = given().get("/fees").then().statusCode(200).extract().asString();
        assertThat(page).contains("Rp950.000", "+ Rp1.000.000", "PP 45/2024", "<form method=\"get\" action=\"/fees\"")
                .doesNotContain("id=\"quote\"");
        String quote = given().get("/fees?passportKind=ELECTRONIC&validityYears=10&sameDay=true").then().statusCode(200)
                .extract().asString();
        assertThat(quote).contains("<strong id=\"quote-total\">Rp1.950.000</strong>", "Layanan percepatan",
                "id=\"passportKind-ELECTRONIC\" checked");
        String wrong = given().get("/fees?passportKind=ORDINARY&validityYears=7").then().statusCode(200).extract()
                .asString();
        assertThat(wrong).contains("<a href=\"#validityYears\">masa berlaku ini tidak ada dalam tarif</a>")
                .doesNotContain("id=\"quote\"");
    }

    @Test
    void theStatusCheckPostsTheThreeAnswersAndShowsTheStateOnlyOrTheOneNotFound() {
        Response page = given().get("/status");
        page.then().statusCode(200);
        assertThat(page.asString()).contains("<form method=\"post\" action=\"/status#state\"", "id=\"applicationId\"",
                "id=\"nik\"", "name=\"birthDay\"", "name=\"birthMonth\"", "name=\"birthYear\"");
        String cookie = page.getCookie("mpaspor_session");
        String token = csrf(page.asString());
        String found = given().cookie("mpaspor_session", cookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token).formParam("applicationId", FakeApi.APPLICATION)
                .formParam("nik", " 3273 1512 0585 0001 ").formParam("birthDay", "12").formParam("birthMonth", "5")
                .formParam("birthYear", "1985").post("/status").then()
                .statusCode(200).extract().asString();
        assertThat(found).contains("id=\"state-value\">Menunggu pembayaran", "datetime=\"2026-12-04T07:52:00Z\"")
                .doesNotContain("Agus Wijaya");
        String missed = given().cookie("mpaspor_session", cookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token).formParam("applicationId", FakeApi.APPLICATION)
                .formParam("nik", "3273151205850001").formParam("birthDay", "13").formParam("birthMonth", "5")
                .formParam("birthYear", "1985").post("/status").then()
                .statusCode(200).extract().asString();
        assertThat(missed).contains("class=\"error-summary\"", "Tidak ada permohonan dengan nomor ini")
                .doesNotContain("id=\"state-value\"").contains("name=\"birthDay\" inputmode=\"numeric\" value=\"13\"");
        String bad = given().cookie("mpaspor_session", cookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token).formParam("applicationId", "x").formParam("nik", "12")
                .post("/status").then().statusCode(200).extract().asString();
        assertThat(bad).contains("<p class=\"error-message\" id=\"nik-error\">NIK harus 16 digit angka</p>");
        // the NIK never goes into an address: the form posts, and a forged form reaches nothing
        given().cookie("mpaspor_session", cookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", "forged").formParam("nik", "3273151205850001").post("/status").then()
                .statusCode(403);
    }

    @Test
    void theDocumentAdvisorShowsTheApisAnswerForTheChosenKindWithAPlainGetForm() {
        String first = given().get("/requirements").then().statusCode(200).extract().asString();
        assertThat(FakeApi.ADVICE_QUERIES).last().isEqualTo("applicationType=NEW&minor=false");
        assertThat(first).contains("<form method=\"get\" action=\"/requirements#advice\"", "id=\"applicationType-NEW\" checked",
                "id=\"minor-false\" checked", "data-code=\"EKTP\"><strong>e-KTP</strong>",
                "<strong>Bukti data kelahiran</strong>: salah satu dari: Akta kelahiran, Ijazah",
                "<dd>JPEG, PNG, PDF</dd>", "<dd>2 MB</dd>", "600 × 400 piksel", "Anak berarti belum berumur 17 tahun")
                .doesNotContain("id=\"advice-minor-validity\"");

        String child = given().get("/requirements?applicationType=NEW&minor=true")
                .then().statusCode(200).extract().asString();
        assertThat(FakeApi.ADVICE_QUERIES).last().isEqualTo("applicationType=NEW&minor=true");
        assertThat(child).contains("id=\"minor-true\" checked", "Paspor orang tua</strong> (jika ada)",
                "id=\"advice-minor-validity\">Paspor anak berlaku paling lama 5 tahun.");

        String lost = given().get("/requirements?applicationType=LOST&minor=false").then().statusCode(200).extract()
                .asString();
        assertThat(lost).contains("id=\"advice-at-office\"", "data-code=\"POLICE_REPORT_OF_LOSS\">Surat keterangan hilang"
                + " dari kepolisian</li>", "href=\"/offices\" id=\"advice-offices\"").doesNotContain("id=\"advice-start\"");

        String wrong = given().get("/requirements?applicationType=TOURIST").then().statusCode(200).extract().asString();
        assertThat(wrong).contains("<a href=\"#applicationType\">harus salah satu dari: NEW, RENEWAL</a>",
                "id=\"applicationType-error\"").doesNotContain("id=\"advice\"");
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
