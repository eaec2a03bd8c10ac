package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.RawHttp;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * Issue 25, bad input: the HTTP layer's own refusals (413, 414, 431) came with an empty body; they are
 * problem+json now, and a service that drops the connection is a 503 with Retry-After, never a 500.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HttpLayerProblemsTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    private static void isProblem(RawHttp.Answer answer, int status, String slug) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonObject body = new JsonObject(answer.body());
        assertThat(body.getString("type")).isEqualTo(PROBLEMS + slug);
        assertThat(body.getInteger("status")).isEqualTo(status);
        assertThat(body.getString("detail")).isNotBlank();
        // and the security headers, as on every answer
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aRequestTargetLongerThanTheLimitIs414Problem() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET", "/api/v1/offices?q=" + "x".repeat(5_000),
                Map.of("Accept-Language", "en"), null);
        isProblem(answer, 414, "uri-too-long");
        assertThat(new JsonObject(answer.body()).containsKey("service")).isFalse();
    }

    @Test
    void headersLargerThanTheLimitAre431Problem() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET", "/api/v1/offices",
                Map.of("X-Padding", "p".repeat(30_000)), null);
        isProblem(answer, 431, "headers-too-large");
    }

    @Test
    void aDeclaredBodyLargerThanTheLimitIs413ProblemBeforeAByteIsRead() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST", "/api/v1/accounts",
                Map.of("Content-Type", "application/json", "Content-Length", "2147483648"), null);
        isProblem(answer, 413, "payload-too-large");
        assertThat(answer.header("Connection")).isEqualTo("close");
    }

    @Test
    void requestsWithinTheLimitsPassUntouched() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET", "/api/v1/offices?q=" + "x".repeat(3_000),
                Map.of("X-Padding", "p".repeat(6_000)), null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(new JsonObject(answer.body()).getString("service")).isEqualTo("quota");
    }

    @Test
    void aServiceThatDropsTheConnectionIs503WithRetryAfterNever500() {
        given().auth().oauth2(TestJwt.applicant("acc-drop")).when().get("/api/v1/applications/drop")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", equalTo(PROBLEMS + "upstream-unavailable"));
        given().auth().oauth2(TestJwt.applicant("acc-drop")).contentType("application/json").body("{\"a\":1}")
                .when().post("/api/v1/applications/drop").then().statusCode(503).header("Retry-After", "5");
    }

    /**
     * The fault run's one unanswered payment callback (load/faults.sh, 2026-12-04): a POST with a body over HTTP/2
     * (h2c, as the JDK's client speaks it) to a service that drops the connection. The gateway logged "did not
     * answer: Connection reset", rendered its 503, and the client still waited 30 s.
     */
    @Test
    void aServiceThatDropsAnHttp2PostIsA503ToThatClientToo() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            java.net.http.HttpResponse<String> answer = http.sendAsync(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/applications/drop"))
                    .header("Authorization", "Bearer " + TestJwt.applicant("acc-drop"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"billingCode\":\"1\",\"amount\":1}"))
                    .timeout(java.time.Duration.ofSeconds(15)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).get(10, java.util.concurrent.TimeUnit.SECONDS);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer.statusCode()).as("attempt %d after %d ms", i, millis).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        }
    }

    /**
     * Found by load/faults.sh (2026-12-04): four payment callbacks in flight when billing-service was killed -9 had
     * their status line already; the gateway then held the client for its full 30 s timeout with nothing more. A
     * service gone or silent mid-answer must end the client's exchange at once (gone) or within the route's
     * deadline (silent), so the client retries instead of waiting.
     */
    @Test
    void aServiceKilledMidAnswerEndsTheClientsExchangeAtOnce() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : new String[] { "/api/v1/applications/cut", "/api/v1/applications/stall" }) {
            long started = System.nanoTime();
            // the client's own timeout covers the status line only, so the whole exchange is bounded here
            Throwable outcome = org.assertj.core.api.Assertions.catchThrowable(() -> http.sendAsync(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + RestAssured.port
                            + path)).header("Authorization", "Bearer " + TestJwt.applicant("acc-cut"))
                            .timeout(java.time.Duration.ofSeconds(15)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).get(10, java.util.concurrent.TimeUnit.SECONDS));
            long millis = (System.nanoTime() - started) / 1_000_000;
            // the client must not take a partial body for a whole one: the exchange ends without a complete answer
            assertThat(outcome).as("%s: an incomplete answer is not delivered as complete", path)
                    .isInstanceOf(java.util.concurrent.ExecutionException.class)
                    .hasCauseInstanceOf(java.io.IOException.class);
            assertThat(millis).as("%s ended after %d ms (test deadline 3 s)", path, millis).isLessThan(6_000L);
        }
    }
}
