package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.Fakes;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Requests reach the right service at its root path, with the headers a front end and a service rely on. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GatewayRoutingTest {

    private static final String TOKEN = TestJwt.applicant("acc-routing");

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "POST, /api/v1/accounts/me/password, account, /accounts/me/password",
            "POST, /api/v1/auth/logout, account, /auth/logout",
            "GET, /api/v1/admin/officers, account, /admin/officers",
            "PUT, /api/v1/admin/offices/JKT1/capacity, quota, /admin/offices/JKT1/capacity",
            "POST, /api/v1/applications, application, /applications",
            "GET, /api/v1/uploads/u1, upload, /uploads/u1",
            "GET, /api/v1/document-requirements, application, /document-requirements",
            "GET, /api/v1/offices/JKT1/calendar, quota, /offices/JKT1/calendar",
            "POST, /api/v1/holds, quota, /holds",
            "POST, /api/v1/bookings/b1/reschedule, quota, /bookings/b1/reschedule",
            "GET, /api/v1/bills/123, billing, /bills/123",
            "GET, /api/v1/payments/p1, billing, /payments/p1",
            "GET, /api/v1/reconciliation/2026-11-21, billing, /reconciliation/2026-11-21",
            "GET, /api/v1/appointments/p1, biometric, /appointments/p1",
            "POST, /api/v1/office/appointments/p1/check-in, biometric, /office/appointments/p1/check-in" })
    void eachRouteReachesItsServiceAtTheServicesRootPath(String method, String path, String service,
            String servicePath) {
        JsonPath seen = given().auth().oauth2(TOKEN).contentType("application/json").body("{\"a\":1}")
                .when().request(method, path)
                .then().statusCode(200).extract().jsonPath();
        assertThat(seen.getString("service")).isEqualTo(service);
        assertThat(seen.getString("method")).isEqualTo(method);
        assertThat(seen.getString("path")).isEqualTo(servicePath);
    }

    /**
     * A waiting room's position checks and challenges go to quota-service over HTTP/2 (h2c), many at once on a few
     * connections; everything else over HTTP/1.1. The transport follows the canonical path: a client cannot choose
     * it with the gateway's own header, and that header never reaches a service.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/releases/0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f/waiting-room/position, HTTP_2",
            "/api/v1/releases/0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f/waiting-room/challenge, HTTP_2",
            "/api/v1/releases/0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f/waiting-room, HTTP_1_1",
            "/api/v1/offices/JKT1/calendar, HTTP_1_1",
            "/api/v1/applications/a1, HTTP_1_1" })
    void aWaitingRoomsChecksAreMultiplexedOverHttp2AndNothingElseIs(String path, String version) {
        JsonPath seen = given().auth().oauth2(TOKEN).header("X-Mpaspor-Upstream-Multiplexed", "1")
                .when().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(seen.getString("version")).isEqualTo(version);
        assertThat(seen.getString("headers.x-mpaspor-upstream-multiplexed")).isNull();
    }

    @Test
    void jwksIsServedByAccountServiceWithoutAToken() {
        JsonPath seen = given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().jsonPath();
        assertThat(seen.getString("service")).isEqualTo("account");
        assertThat(seen.getString("path")).isEqualTo("/.well-known/jwks.json");
    }

    @Test
    void queryBodyAndTokenReachTheServiceUnchanged() {
        JsonPath seen = given().auth().oauth2(TOKEN).queryParam("status", "draft").queryParam("page", 2)
                .contentType("application/json").body("{\"applicants\":[1,2,3]}")
                .when().post("/api/v1/applications")
                .then().statusCode(200).extract().jsonPath();
        assertThat(seen.getString("query")).isEqualTo("status=draft&page=2");
        assertThat(seen.getInt("bodyBytes")).isEqualTo("{\"applicants\":[1,2,3]}".length());
        assertThat(seen.getString("headers.authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(seen.getString("headers.content-type")).startsWith("application/json");
    }

    @Test
    void serviceLearnsThePublicOriginAndPrefix() {
        JsonPath seen = given().auth().oauth2(TOKEN).header("X-Forwarded-For", "203.0.113.7")
                .when().get("/api/v1/applications/a1")
                .then().statusCode(200).extract().jsonPath();
        assertThat(seen.getString("headers.x-forwarded-prefix")).isEqualTo("/api/v1");
        assertThat(seen.getString("headers.x-forwarded-proto")).isEqualTo("http");
        // the configured public host (%test: https://api.mpaspor.test/api/v1), not the Host the client sent
        assertThat(seen.getString("headers.x-forwarded-host")).isEqualTo("api.mpaspor.test");
        // the test's loopback plays the trusted load balancer: it is appended to the chain it sent
        assertThat(seen.getString("headers.x-forwarded-for")).matches("203\\.0\\.113\\.7, (127\\.0\\.0\\.1|::1)");
    }

    @Test
    void clientsRequestIdIsKeptForwardedAndEchoed() {
        Response response = given().auth().oauth2(TOKEN).header("X-Request-Id", "front-end-42")
                .when().get("/api/v1/bills/123");
        response.then().statusCode(200).header("X-Request-Id", "front-end-42");
        assertThat(response.jsonPath().getString("headers.x-request-id")).isEqualTo("front-end-42");
    }

    @Test
    void missingOrInsaneRequestIdIsReplacedByAGeneratedOneTheServiceSeesToo() {
        for (String sent : new String[] { null, "bad id with spaces <script>" }) {
            var request = given().auth().oauth2(TOKEN);
            if (sent != null) {
                request.header("X-Request-Id", sent);
            }
            Response response = request.when().get("/api/v1/bills/123");
            String echoed = response.then().statusCode(200)
                    .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}")).extract().header("X-Request-Id");
            assertThat(response.jsonPath().getString("headers.x-request-id")).isEqualTo(echoed);
        }
    }

    @Test
    void tusHeadersPassBothWays() {
        Response response = given().auth().oauth2(TOKEN).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "2048").header("Upload-Metadata", "filename cGFzcC5qcGc=")
                .when().head("/api/v1/uploads/u1");
        response.then().statusCode(200).header("Upload-Offset", "42").header("Tus-Resumable", "1.0.0");
        JsonPath seen = given().auth().oauth2(TOKEN).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "2048").header("Upload-Metadata", "filename cGFzcC5qcGc=")
                .when().get("/api/v1/uploads/u1").then().statusCode(200).extract().jsonPath();
        assertThat(seen.getString("headers.tus-resumable")).isEqualTo("1.0.0");
        assertThat(seen.getString("headers.upload-length")).isEqualTo("2048");
        assertThat(seen.getString("headers.upload-metadata")).isEqualTo("filename cGFzcC5qcGc=");
    }

    @Test
    void uploadLocationFromTheServiceIsRewrittenToThePublicUrl() {
        String absolute = given().auth().oauth2(TOKEN).header("Tus-Resumable", "1.0.0").header("Upload-Length", "10")
                .when().post("/api/v1/uploads")
                .then().statusCode(201).header("Tus-Resumable", "1.0.0").extract().header("Location");
        assertThat(absolute).matches("https://api\\.mpaspor\\.test/api/v1/uploads/u\\d+");
        String relative = given().auth().oauth2(TOKEN).queryParam("relative", true)
                .when().post("/api/v1/uploads").then().statusCode(201).extract().header("Location");
        assertThat(relative).matches("https://api\\.mpaspor\\.test/api/v1/uploads/u\\d+");
        // and the public URL leads back to the same service
        String path = absolute.substring(absolute.indexOf("/api/v1/"));
        given().auth().oauth2(TOKEN).when().get(path).then().statusCode(200)
                .body("service", equalTo("upload")).body("path", equalTo(path.substring("/api/v1".length())));
    }

    @Test
    void aForgedHostNeverReachesTheServiceNorTheLocation() {
        // the fake's Location is on its own internal origin (127.0.0.1:<port>); the client claims another host
        for (String host : new String[] { "evil.example", "evil.example:8443", "127.0.0.1:1" }) {
            String location = given().auth().oauth2(TOKEN).header("Host", host).header("Tus-Resumable", "1.0.0")
                    .header("Upload-Length", "10").when().post("/api/v1/uploads")
                    .then().statusCode(201).extract().header("Location");
            assertThat(location).startsWith("https://api.mpaspor.test/api/v1/uploads/").doesNotContain("evil")
                    .doesNotContain("127.0.0.1");
            JsonPath seen = given().auth().oauth2(TOKEN).header("Host", host).when().get("/api/v1/applications/a1")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(seen.getString("headers.x-forwarded-host")).isEqualTo("api.mpaspor.test");
        }
    }

    @Test
    void servicesOwn429And503PassThroughWithTheirRetryAfter() {
        given().auth().oauth2(TOKEN).when().get("/api/v1/applications/busy")
                .then().statusCode(429).header("Retry-After", "17").body("from", equalTo("application"));
        given().auth().oauth2(TOKEN).when().get("/api/v1/bookings/shedding")
                .then().statusCode(503).header("Retry-After", "9").body("from", equalTo("quota"));
    }

    @Test
    void silentServiceIsAnswered503WithinTheResponseTimeoutNotLeftHanging() {
        long started = System.nanoTime();
        given().auth().oauth2(TOKEN).header("Accept-Language", "en").when().get("/api/v1/appointments/silent")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upstream-unavailable"))
                .body("detail", org.hamcrest.Matchers.containsString("biometric-service"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        // response timeout in the test profile: 3 s
        assertThat(millis).isBetween(2_500L, 10_000L);
    }

    @Test
    void unknownPathUnderTheApiIsTheGatewaysOwn404() {
        given().auth().oauth2(TOKEN).header("Accept-Language", "en").when().get("/api/v1/passports/p1")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/not-found"))
                .body("instance", equalTo("/api/v1/passports/p1"));
        // a dot segment has no canonical form: refused, not routed (PathNormalizer)
        given().auth().oauth2(TOKEN).urlEncodingEnabled(false).when().get("/api/v1/offices/../applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/path-not-canonical"));
    }
}
