package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.web.session.SessionCodec;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Sessions travel sealed in the cookie: a cookie another instance sealed (same key) is served here, parallel
 * requests with an expired access token refresh it once (the API rotates refresh tokens and revokes the session
 * when a spent one comes back), and a logged-out cookie opens nothing.
 */
@QuarkusTest
@WithTestResource(FakeApi.class)
class SessionsAcrossInstancesTest {

    /** The test profile's key (application.properties), as every instance of a deployment shares it. */
    private static final String KEY = "bWFwYXNwb3Itd2ViLXRlc3Qta2V5LTMyLWJ5dGVzISE=";
    private static final Pattern SET_COOKIE = Pattern.compile("mpaspor_session=([^;]*)");
    private static final String BILL = "/applications/" + FakeApi.APPLICATION + "/bill";

    /** Another instance of the website: only the key in common with the one under test. */
    private final SessionCodec otherInstance = new SessionCodec(Map.of("main", KEY), Optional.of("main"));

    @BeforeEach
    void reset() {
        FakeApi.REFRESHES.set(0);
        FakeApi.SPENT.clear();
        FakeApi.REVOKED.clear();
        FakeApi.billStatus = "ISSUED";
    }

    @Test
    void aVisitorWhoseSessionAnotherInstanceSealedIsServedHere() {
        String cookie = sealedElsewhere("refresh-A", Instant.now().plusSeconds(200));
        var answer = given().cookie("mpaspor_session", cookie).get(BILL);
        answer.then().statusCode(200).body(containsString("Rp1.900.000"), containsString("csrf-of-A"));
        assertThat(answer.getHeader("Set-Cookie")).as("nothing changed: no new cookie").isNull();
        assertThat(FakeApi.REFRESHES.get()).isZero();
    }

    @Test
    void parallelRequestsWithAnExpiredAccessTokenRefreshItOnceAndAllGetTheSuccessor() throws Exception {
        String cookie = sealedElsewhere("refresh-P", Instant.now().minusSeconds(10));
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + RestAssured.port + BILL))
                    .header("Cookie", "mpaspor_session=" + cookie).build(), HttpResponse.BodyHandlers.ofString())));
        }
        for (Future<HttpResponse<String>> f : answers) {
            HttpResponse<String> answer = f.get();
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Rp1.900.000");
            String sealed = cookieOf(answer.headers().firstValue("Set-Cookie").orElseThrow());
            assertThat(new String(otherInstance.open(sealed).orElseThrow(), StandardCharsets.UTF_8))
                    .as("every answer carries the successor").contains("\"rt\":\"next-refresh-P\"");
        }
        pool.shutdown();
        assertThat(FakeApi.REFRESHES.get()).as("one refresh for eight requests").isEqualTo(1);
        assertThat(FakeApi.REVOKED).as("no spent token presented again").isEmpty();

        // an answer with the old cookie arriving late (another tab): the successor again, no second refresh
        given().cookie("mpaspor_session", cookie).get(BILL).then().statusCode(200);
        assertThat(FakeApi.REFRESHES.get()).isEqualTo(1);
        assertThat(FakeApi.REVOKED).isEmpty();
    }

    @Test
    void afterLogoutTheOldCookieOpensNothing() {
        String cookie = sealedElsewhere("refresh-L", Instant.now().plusSeconds(200));
        given().cookie("mpaspor_session", cookie).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", "csrf-of-A").post("/logout").then().statusCode(303);
        given().cookie("mpaspor_session", cookie).redirects().follow(false).get("/applications").then()
                .statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void aCookieChangedByTheBrowserIsANewAnonymousVisitor() {
        String cookie = sealedElsewhere("refresh-T", Instant.now().plusSeconds(200));
        String changed = cookie.substring(0, cookie.length() - 2) + (cookie.endsWith("AA") ? "BB" : "AA");
        given().cookie("mpaspor_session", changed).redirects().follow(false).get("/applications").then()
                .statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void aTusUploadPassesThroughWithTheSessionsTokenAndItsUrlRewritten() {
        FakeApi.UPLOADS.clear();
        String cookie = sealedElsewhere("refresh-U", Instant.now().plusSeconds(200));
        given().cookie("mpaspor_session", cookie).header("X-CSRF-Token", "csrf-of-A").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "11").redirects().follow(false).post("/uploads").then().statusCode(201)
                .header("Location", "/uploads/u-123").header("Tus-Resumable", "1.0.0");
        given().cookie("mpaspor_session", cookie).header("X-CSRF-Token", "csrf-of-A").header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", "0").contentType("application/offset+octet-stream").body("hello world".getBytes(StandardCharsets.UTF_8))
                .patch("/uploads/u-123").then().statusCode(204).header("Upload-Offset", "11");
        given().cookie("mpaspor_session", cookie).header("X-CSRF-Token", "csrf-of-A").header("Tus-Resumable", "1.0.0")
                .head("/uploads/u-123").then().statusCode(200).header("Upload-Offset", "5");
        assertThat(FakeApi.UPLOADS).containsExactly("POST 0 11 Bearer access-of-refresh-U", "PATCH 0 11", "HEAD null 0");
    }

    private String sealedElsewhere(String refreshToken, Instant accessExpires) {
        String json = "{\"id\":\"id-" + refreshToken + "-" + System.nanoTime() + "\",\"csrf\":\"csrf-of-A\","
                + "\"lang\":\"id\",\"seen\":" + Instant.now().getEpochSecond() + ",\"at\":\"access-of-" + refreshToken
                + "\",\"rt\":\"" + refreshToken + "\",\"atExp\":" + accessExpires.getEpochSecond()
                + ",\"email\":\"agus@example.id\"}";
        return otherInstance.seal(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookieOf(String setCookie) {
        Matcher m = SET_COOKIE.matcher(setCookie);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
