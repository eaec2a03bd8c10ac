package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How Agus is told (issue 22), {@code /account/notifications}: WhatsApp is refused with the API's field error until
 * his mobile number is proven; the code is asked for and typed back on the same page; then the choice is saved. Only
 * for a logged-in visitor, every post with the form's CSRF token.
 */
@QuarkusTest
@WithTestResource(FakeApi.class)
class NotificationPagesTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @BeforeEach
    void fresh() {
        FakeNotifications.reset();
    }

    private static String page(String session) {
        return given().cookie("mpaspor_session", session).get("/account/notifications").then().statusCode(200)
                .extract().asString();
    }

    @Test
    void whatsAppNeedsTheNumberProvenFirstThenTheChoiceIsSaved() {
        String session = AgusLogsIn.session();
        String html = page(session);
        assertThat(html).contains("<h1>Cara kami memberi kabar</h1>", "id=\"channel-EMAIL\" checked",
                "(agus@example.id)", "Belum ada nomor HP yang terverifikasi.", "id=\"needs-phone\"",
                "id=\"language-id\" checked", "href=\"/account/notifications\"");
        String csrf = AgusLogsIn.find(AgusLogsIn.CSRF, html);

        String refused = given().cookie("mpaspor_session", session).contentType(FORM).formParam("csrf", csrf)
                .formParam("channels", "EMAIL").formParam("channels", "WHATSAPP").formParam("language", "en")
                .post("/account/notifications").then().statusCode(200).extract().asString();
        assertThat(refused).contains("class=\"error-summary\"", "<a href=\"#channels\">SMS dan WhatsApp memerlukan",
                "id=\"channels-error\"", "id=\"language-en\" checked");
        assertThat(FakeNotifications.BODIES).anyMatch(b -> b.contains("\"channels\":[\"EMAIL\",\"WHATSAPP\"]")
                && b.contains("\"language\":\"en\""));

        String badNumber = given().cookie("mpaspor_session", session).contentType(FORM).formParam("csrf", csrf)
                .formParam("phone", "12345").post("/account/notifications/phone").then().statusCode(200)
                .extract().asString();
        assertThat(badNumber).contains("id=\"phone-error\"", "nomor HP tidak valid", "value=\"12345\"");

        String sent = given().cookie("mpaspor_session", session).contentType(FORM).formParam("csrf", csrf)
                .formParam("phone", "0813-1111-2222").post("/account/notifications/phone").then().statusCode(200)
                .extract().asString();
        assertThat(sent).contains("id=\"code-sent\"", "<strong>0813-1111-2222</strong>", "id=\"otp\"",
                "autocomplete=\"one-time-code\"");

        String wrong = given().cookie("mpaspor_session", session).contentType(FORM).formParam("csrf", csrf)
                .formParam("phone", "0813-1111-2222").formParam("otp", "000000")
                .post("/account/notifications/phone/verify").then().statusCode(200).extract().asString();
        assertThat(wrong).contains("id=\"otp-error\"", "sisa 4 percobaan", "<strong>0813-1111-2222</strong>");

        given().cookie("mpaspor_session", session).redirects().follow(false).contentType(FORM)
                .formParam("csrf", csrf).formParam("phone", "0813-1111-2222").formParam("otp", FakeNotifications.CODE)
                .post("/account/notifications/phone/verify").then().statusCode(303)
                .header("Location", containsString("/account/notifications?proven=1"));
        assertThat(given().cookie("mpaspor_session", session).get("/account/notifications?proven=1").then()
                .statusCode(200).extract().asString())
                .contains("id=\"phone-proven\"", "Nomor HP terverifikasi: <strong>+6281311112222</strong>")
                .doesNotContain("id=\"needs-phone\"");

        given().cookie("mpaspor_session", session).redirects().follow(false).contentType(FORM)
                .formParam("csrf", csrf).formParam("channels", "EMAIL").formParam("channels", "WHATSAPP")
                .formParam("language", "en").post("/account/notifications").then().statusCode(303)
                .header("Location", containsString("/account/notifications?saved=1"));
        assertThat(given().cookie("mpaspor_session", session).get("/account/notifications?saved=1").then()
                .statusCode(200).extract().asString())
                .contains("id=\"saved\"", "id=\"channel-WHATSAPP\" checked", "id=\"channel-EMAIL\" checked",
                        "id=\"language-en\" checked")
                .doesNotContain("id=\"channel-SMS\" checked");
    }

    @Test
    void onlyALoggedInVisitorWithTheFormsTokenReachesIt() {
        given().redirects().follow(false).get("/account/notifications").then()
                .statusCode(303).header("Location", containsString("/login"));
        String session = AgusLogsIn.session();
        FakeNotifications.BODIES.clear();
        given().cookie("mpaspor_session", session).contentType(FORM).formParam("csrf", "not-the-token")
                .formParam("channels", "EMAIL").formParam("language", "id").post("/account/notifications")
                .then().statusCode(403);
        assertThat(FakeNotifications.BODIES).as("nothing reached the API").isEmpty();
    }
}
