package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;

/** Agus logs in through the website's form against the stand-in API ({@link FakeApi}), as the page tests need. */
final class AgusLogsIn {

    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private AgusLogsIn() {
    }

    /** The session cookie after a login with the form's CSRF token (303 asserted). */
    static String session() {
        Response page = given().get("/login");
        Response login = given().cookie("mpaspor_session", page.getCookie("mpaspor_session")).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf", find(CSRF, page.asString()))
                .formParam("email", "agus@example.id").formParam("password", "Batagor-Kuah-2026").post("/login");
        login.then().statusCode(303);
        return login.getCookie("mpaspor_session");
    }

    /** The first group of {@code pattern} in {@code html}, which must match. */
    static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as(pattern.pattern() + " in the page").isTrue();
        return m.group(1);
    }
}
