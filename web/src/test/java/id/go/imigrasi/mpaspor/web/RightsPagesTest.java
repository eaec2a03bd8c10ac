package id.go.imigrasi.mpaspor.web;

import static id.go.imigrasi.mpaspor.web.AgusLogsIn.CSRF;
import static id.go.imigrasi.mpaspor.web.AgusLogsIn.find;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 23: the account's data page and erasure. A wrong password is the API's field error beside the field; the right
 * one is accepted by the API, after which the website's session is gone too and the page says what happens next.
 */
@QuarkusTest
@WithTestResource(FakeApi.class)
class RightsPagesTest {

    @Test
    void theDataPageSaysWhatIsErasedAndWhatIsKeptAndNeedsALogin() {
        given().redirects().follow(false).get("/account/data").then().statusCode(303)
                .header("Location", containsString("/login?back=%2Faccount%2Fdata"));
        String session = AgusLogsIn.session();
        String html = given().cookie("mpaspor_session", session).get("/account/data").then().statusCode(200).extract()
                .asString();
        assertThat(html).contains("Data pribadi Anda", "Tagihan PNBP yang sudah diterbitkan tetap disimpan tanpa nama",
                "href=\"/account/erase\"", "href=\"/account/data\"");
    }

    @Test
    void erasureNeedsThePasswordThenTheSessionEnds() {
        String session = AgusLogsIn.session();
        Response form = given().cookie("mpaspor_session", session).get("/account/erase");
        form.then().statusCode(200);
        String csrf = find(CSRF, form.asString());

        String wrong = given().cookie("mpaspor_session", session).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf).formParam("password", "salah-sandi").post("/account/erase").then()
                .statusCode(200).extract().asString();
        assertThat(wrong).contains("<p class=\"error-message\" id=\"password-error\">kata sandi salah</p>",
                "aria-invalid=\"true\"").doesNotContain("salah-sandi\"");

        Response done = given().cookie("mpaspor_session", session).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf).formParam("password", "Batagor-Kuah-2026").post("/account/erase");
        done.then().statusCode(200);
        assertThat(done.asString()).contains("Permintaan penghapusan diterima", "id=\"erased\"");
        // the website forgot the session: the old cookie no longer opens an account page
        String next = done.getCookie("mpaspor_session") == null ? session : done.getCookie("mpaspor_session");
        given().cookie("mpaspor_session", next).redirects().follow(false).get("/applications").then().statusCode(303)
                .header("Location", containsString("/login"));
        given().cookie("mpaspor_session", session).redirects().follow(false).get("/applications").then()
                .statusCode(303);
    }
}
