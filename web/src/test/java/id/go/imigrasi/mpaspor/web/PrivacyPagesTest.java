package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The privacy notice (issue 23): public in the visitor's language, accepted at registration with a checkbox, asked
 * again after login when the account service says the current version is not accepted, and the applicant form's
 * declaration of authority.
 */
@QuarkusTest
@WithTestResource(FakeApi.class)
class PrivacyPagesTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static String csrf(String html) {
        return AgusLogsIn.find(AgusLogsIn.CSRF, html);
    }

    @Test
    void theNoticeIsPublicInTheVisitorsLanguageWithItsVersionAndTheOfficersAddress() {
        String id = given().get("/privasi").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertThat(id).contains("<h1>Pemberitahuan Privasi</h1>", "<strong>" + FakeApi.NOTICE + "</strong>",
                "Untuk apa data Anda diproses", "Data anak (di bawah 17 tahun)", "Siapa yang menerima data Anda",
                "Berapa lama data disimpan", "Meminta penghapusan data Anda",
                "href=\"mailto:dpo@imigrasi.example.id\"");
        assertThat(id).as("nothing to accept without an account").doesNotContain("id=\"accept-privacy\"");

        String en = given().header("Accept-Language", "en").get("/privasi").then().statusCode(200).extract().asString();
        assertThat(en).contains("<h1>Privacy notice</h1>", "Why your data is processed", "Your rights",
                "To withdraw your consent", "How to use your rights", "dpo@imigrasi.example.id");

        // linked from every page's footer and from the home page
        assertThat(given().get("/").then().statusCode(200).extract().asString())
                .contains("id=\"footer-privacy\"", "id=\"to-privacy\"", "href=\"/privasi\"");
    }

    @Test
    void registeringWithoutTickingTheNoticeGivesTheFieldErrorAndTickingItSendsTheVersion() {
        Response page = given().get("/register");
        String html = page.then().statusCode(200).extract().asString();
        assertThat(html).contains("type=\"checkbox\" name=\"privacyNoticeVersion\" value=\"" + FakeApi.NOTICE + "\"",
                "id=\"register-privacy-link\"", "href=\"/privasi\"");
        String cookie = page.getCookie("mpaspor_session");

        String refused = given().cookie("mpaspor_session", cookie).contentType(FORM).formParam("csrf", csrf(html))
                .formParam("name", "Dewi Lestari").formParam("email", "dewi@example.id")
                .formParam("phone", "0812-3456-7890").formParam("password", "Kopi-Tubruk-2026")
                .post("/register").then().statusCode(200).extract().asString();
        assertThat(refused).contains("class=\"error-summary\"",
                "<a href=\"#privacyNoticeVersion\">setujui pemberitahuan privasi untuk melanjutkan</a>",
                "<p class=\"error-message\" id=\"privacyNoticeVersion-error\">",
                "value=\"dewi@example.id\"");
        assertThat(refused).as("the box is not ticked for them").doesNotContain(" checked>");

        FakeApi.SEEN.clear();
        given().cookie("mpaspor_session", cookie).redirects().follow(false).contentType(FORM)
                .formParam("csrf", csrf(html)).formParam("name", "Dewi Lestari").formParam("email", "dewi@example.id")
                .formParam("phone", "0812-3456-7890").formParam("password", "Kopi-Tubruk-2026")
                .formParam("privacyNoticeVersion", FakeApi.NOTICE)
                .post("/register").then().statusCode(303).header("Location", containsString("/verify"));
        assertThat(FakeApi.SEEN).anyMatch(s -> s.startsWith("POST /api/v1/accounts ")
                && s.contains("\"privacyNoticeVersion\":\"" + FakeApi.NOTICE + "\""));
    }

    @Test
    void anAccountThatAcceptedAnOlderNoticeIsAskedAgainAfterLoginAndThenGoesWhereItWasGoing() {
        FakeApi.OLD_NOTICE_ACCEPTED.set(false);
        String target = "/applications/" + FakeApi.APPLICATION;
        Response loginPage = given().get("/login?back=" + target);
        Response login = given().cookie("mpaspor_session", loginPage.getCookie("mpaspor_session")).redirects()
                .follow(false).contentType(FORM).formParam("csrf", csrf(loginPage.asString()))
                .formParam("email", "lama@example.id").formParam("password", "Batagor-Kuah-2026")
                .formParam("back", target).post("/login");
        login.then().statusCode(303).header("Location", "/privasi/setuju?back=%2Fapplications%2F" + FakeApi.APPLICATION);
        String session = login.getCookie("mpaspor_session");

        // any applicant page sends them to the notice first
        given().cookie("mpaspor_session", session).redirects().follow(false).get(target).then().statusCode(303)
                .header("Location", "/privasi/setuju?back=%2Fapplications%2F" + FakeApi.APPLICATION);

        String ask = given().cookie("mpaspor_session", session).get("/privasi/setuju?back=" + target)
                .then().statusCode(200).extract().asString();
        assertThat(ask).contains("Pemberitahuan privasi telah diperbarui", "id=\"accept-privacy\"",
                "name=\"noticeVersion\" value=\"" + FakeApi.NOTICE + "\"", "name=\"back\" value=\"" + target + "\"",
                "Hak Anda");

        FakeApi.SEEN.clear();
        Response accepted = given().cookie("mpaspor_session", session).redirects().follow(false).contentType(FORM)
                .formParam("csrf", csrf(ask)).formParam("noticeVersion", FakeApi.NOTICE).formParam("back", target)
                .post("/privasi/setuju");
        accepted.then().statusCode(303).header("Location", target);
        assertThat(FakeApi.SEEN).anyMatch(s -> s.startsWith("POST /api/v1/accounts/me/privacy-consents ")
                && s.contains("\"noticeVersion\":\"" + FakeApi.NOTICE + "\""));
        // the session (sealed in the cookie) no longer asks
        given().cookie("mpaspor_session", accepted.getCookie("mpaspor_session")).redirects().follow(false).get(target)
                .then().statusCode(200);
    }

    @Test
    void anAccountUpToDateWithTheNoticeGoesStraightOn() {
        String session = AgusLogsIn.session();
        given().cookie("mpaspor_session", session).redirects().follow(false)
                .get("/applications/" + FakeApi.APPLICATION).then().statusCode(200);
    }

    @Test
    void theApplicantFormAsksForTheDeclarationOfAuthorityAndShowsTheApisRefusal() {
        String session = AgusLogsIn.session();
        String form = given().cookie("mpaspor_session", session)
                .get("/applications/" + FakeApi.APPLICATION + "/applicants/new").then().statusCode(200).extract()
                .asString();
        assertThat(form).contains("<fieldset class=\"radios\" id=\"authority\"",
                "<legend>Atas dasar apa Anda mengisi data pemohon ini?</legend>",
                "type=\"radio\" name=\"authority\" value=\"SELF\"", "value=\"PARENT\"", "value=\"GUARDIAN\"",
                "value=\"AUTHORISED\"", "Saya wali yang sah dari pemohon");

        String refused = given().cookie("mpaspor_session", session).contentType(FORM).formParam("csrf", csrf(form))
                .formParam("authority", "SELF").formParam("fullName", "Putri Wijaya").formParam("nik", "3273154505150001")
                .formParam("birthDay", "5").formParam("birthMonth", "5").formParam("birthYear", "2015")
                .post("/applications/" + FakeApi.APPLICATION + "/applicants/new").then().statusCode(200).extract()
                .asString();
        assertThat(refused).contains("<a href=\"#authority\">pemohon di bawah 17 tahun hanya dapat diajukan oleh"
                + " orang tua atau wali yang sah</a>", "id=\"authority-error\"", "value=\"SELF\" id=\"authority-SELF\" checked");
        assertThat(FakeApi.APPLICANT_BODIES).anyMatch(b -> b.contains("\"authority\":\"SELF\""));

        // the application page shows each applicant's declaration
        assertThat(given().cookie("mpaspor_session", session).get("/applications/" + FakeApi.APPLICATION).then()
                .statusCode(200).extract().asString()).contains("Dinyatakan oleh pemilik akun: Saya sendiri pemohonnya");
    }
}
