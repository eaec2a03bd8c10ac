package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "Tell me when this office releases quota" (issue 22) on the office's page: a visitor without a login is asked to log
 * in; Agus subscribes and stops with the page's buttons (in his language, through the API); the stop link of the mail
 * changes nothing when opened, only with its button, and needs no login.
 */
@QuarkusTest
@WithTestResource(FakeApi.class)
class OfficeSubscriptionPagesTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @BeforeEach
    void fresh() {
        FakeSubscriptions.OFFICES.clear();
        FakeSubscriptions.CALLS.clear();
    }

    @Test
    void agusIsToldOfTheOfficesReleasesUntilHeStops() {
        String anonymous = given().get("/offices/MKS").then().statusCode(200).extract().asString();
        assertThat(anonymous).contains("id=\"subscribe-login\"", "href=\"/login?back=/offices/MKS\"")
                .doesNotContain("id=\"subscribe\"");

        String session = AgusLogsIn.session();
        String page = given().cookie("mpaspor_session", session).get("/offices/MKS").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("<h2 id=\"subscription-title\">Kabari saya saat kuota dirilis</h2>",
                "id=\"subscribe\"");
        String csrf = AgusLogsIn.find(AgusLogsIn.CSRF, page);

        given().cookie("mpaspor_session", session).redirects().follow(false).contentType(FORM)
                .formParam("csrf", csrf).formParam("action", "subscribe").post("/offices/MKS/subscription")
                .then().statusCode(303).header("Location", containsString("/offices/MKS#subscription"));
        assertThat(FakeSubscriptions.CALLS).contains("PUT /api/v1/offices/MKS/release-subscription id");
        assertThat(given().cookie("mpaspor_session", session).get("/offices/MKS").then().statusCode(200)
                .extract().asString()).contains("id=\"subscribed\"", "id=\"unsubscribe\"");

        given().cookie("mpaspor_session", session).redirects().follow(false).contentType(FORM)
                .formParam("csrf", csrf).formParam("action", "stop").post("/offices/MKS/subscription")
                .then().statusCode(303);
        assertThat(FakeSubscriptions.OFFICES).isEmpty();

        given().cookie("mpaspor_session", session).contentType(FORM).formParam("csrf", "not-the-token")
                .formParam("action", "subscribe").post("/offices/MKS/subscription").then().statusCode(403);
        assertThat(FakeSubscriptions.OFFICES).as("nothing reached the API").isEmpty();
    }

    @Test
    void theMailsStopLinkAsksFirstThenStopsWithoutALogin() {
        var opened = given().get("/release-subscriptions/unsubscribe?token=" + FakeSubscriptions.TOKEN);
        String html = opened.then().statusCode(200).extract().asString();
        assertThat(html).contains("<h1>Berhenti menerima kabar kuota</h1>", "id=\"unsubscribe\"",
                "value=\"" + FakeSubscriptions.TOKEN + "\"");
        assertThat(FakeSubscriptions.CALLS).as("opening the link changes nothing").isEmpty();

        String done = given().cookie("mpaspor_session", opened.getCookie("mpaspor_session")).contentType(FORM)
                .formParam("csrf", AgusLogsIn.find(AgusLogsIn.CSRF, html)).formParam("token", FakeSubscriptions.TOKEN)
                .post("/release-subscriptions/unsubscribe").then().statusCode(200).extract().asString();
        assertThat(done).contains("id=\"unsubscribed\"");
        assertThat(FakeSubscriptions.CALLS).containsExactly("UNSUBSCRIBE token=" + FakeSubscriptions.TOKEN);

        assertThat(given().get("/release-subscriptions/unsubscribe?token=%3Cscript%3E").then().statusCode(200)
                .extract().asString()).contains("id=\"unknown-link\"").doesNotContain("<script>");
    }
}
