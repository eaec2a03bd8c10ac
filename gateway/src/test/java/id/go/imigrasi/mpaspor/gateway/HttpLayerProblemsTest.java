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
}
