package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.Management;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Token buckets per client IP, per account and, stricter, on login/OTP/registration: the excess gets 429
 * problem+json with the Retry-After the bucket computes; other clients are not affected. Client IPs are told
 * apart by X-Forwarded-For (trusted in the test profile, as behind a load balancer).
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBuckets.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitTest {

    public static class SmallBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mpaspor.gateway.rate-limits.per-ip.capacity", "20",
                    "mpaspor.gateway.rate-limits.per-ip.period", "10m",
                    "mpaspor.gateway.rate-limits.per-account.capacity", "8",
                    "mpaspor.gateway.rate-limits.per-account.period", "10m",
                    "mpaspor.gateway.rate-limits.login.capacity", "3",
                    "mpaspor.gateway.rate-limits.login.period", "10m",
                    "mpaspor.gateway.rate-limits.registration.capacity", "2",
                    "mpaspor.gateway.rate-limits.registration.period", "10m",
                    "mpaspor.gateway.rate-limits.status-check.capacity", "3",
                    "mpaspor.gateway.rate-limits.status-check.period", "10m");
        }
    }

    private static final String RATE_LIMITED = "https://mpaspor.imigrasi.go.id/problems/rate-limited";

    private static Response login(String ip) {
        return given().header("X-Forwarded-For", ip).contentType("application/json")
                .body("{\"email\":\"a@b.id\",\"password\":\"x\"}").when().post("/api/v1/auth/login");
    }

    @Test
    void loginBucketExhaustedGives429WithRetryAfterFromTheBucketForThatIpOnly() {
        for (int i = 0; i < 3; i++) {
            login("198.51.100.1").then().statusCode(200);
        }
        Response refused = login("198.51.100.1");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo(RATE_LIMITED)).body("status", equalTo(429));
        // 3 per 10 minutes, refilled greedily: the next token comes in at most 200 s (less the time the test took)
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(100, 200);
        given().header("X-Forwarded-For", "198.51.100.1").header("Accept-Language", "en")
                .contentType("application/json").body("{}").when().post("/api/v1/auth/login")
                .then().statusCode(429).body("detail", containsString("login"));
        // another client logs in; the same client still reads the calendar (only its login bucket is empty)
        login("198.51.100.2").then().statusCode(200);
        given().header("X-Forwarded-For", "198.51.100.1").when().get("/api/v1/offices")
                .then().statusCode(200).body("service", equalTo("quota"));
        assertThat(given().when().get(Management.url("/q/metrics")).then().extract().asString()).containsPattern(
                "mpaspor_gateway_rejected_total\\{[^}]*reason=\"rate-limited\"[^}]*scope=\"login\"[^}]*} [1-9]");
    }

    @Test
    void aLoginTheServiceShedIsNotCountedAgainstTheClientsAttempts() {
        // reproduced first: ten logins shed at the peak (503) used up this client's three attempts, and the eleventh
        // got the login limit's 429 for minutes while the service had room again
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", "198.51.100.40").header(FakeUpstreams.SHED, "1")
                    .contentType("application/json").body("{\"email\":\"a@b.id\",\"password\":\"x\"}")
                    .when().post("/api/v1/auth/login").then().statusCode(503).header("Retry-After", "2");
        }
        // the service decides again: three attempts, then the limit, as for any client
        for (int i = 0; i < 3; i++) {
            login("198.51.100.40").then().statusCode(200);
        }
        login("198.51.100.40").then().statusCode(429).body("type", equalTo(RATE_LIMITED));
        // a shed attempt gives back only what it took: never more than the bucket holds
        given().header("X-Forwarded-For", "198.51.100.41").header(FakeUpstreams.SHED, "1")
                .contentType("application/json").body("{}").when().post("/api/v1/auth/login").then().statusCode(503);
        for (int i = 0; i < 3; i++) {
            login("198.51.100.41").then().statusCode(200);
        }
        login("198.51.100.41").then().statusCode(429);
    }

    @Test
    void registrationHasItsOwnStricterBucket() {
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", "198.51.100.9").contentType("application/json").body("{}")
                    .when().post("/api/v1/accounts").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "198.51.100.9").contentType("application/json").body("{}")
                .when().post("/api/v1/accounts").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo(RATE_LIMITED));
    }

    @Test
    void theStatusCheckWithoutLoginHasItsOwnBucketWhateverThePathsCase() {
        // issue 22: an application number, a NIK and a birth date; guessing them is what the bucket stops
        String[] spellings = { "/api/v1/application-status", "/api/v1/Application-Status", "/API/v1/application-status" };
        for (String path : spellings) {
            given().header("X-Forwarded-For", "198.51.100.30").contentType("application/json").body("{}")
                    .when().post(path).then().statusCode(200).body("service", equalTo("application"));
        }
        given().header("X-Forwarded-For", "198.51.100.30").header("Accept-Language", "en")
                .contentType("application/json").body("{}").when().post("/api/v1/application-status/")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo(RATE_LIMITED)).body("detail", containsString("status-check"));
        // another client still checks
        given().header("X-Forwarded-For", "198.51.100.31").contentType("application/json").body("{}")
                .when().post("/api/v1/application-status").then().statusCode(200);
    }

    @Test
    void perIpBucketLimitsOneClientNotTheOthers() {
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", "192.0.2.10").when().get("/api/v1/offices").then().statusCode(200);
        }
        Response refused = given().header("X-Forwarded-For", "192.0.2.10").header("Accept-Language", "en")
                .when().get("/api/v1/offices");
        refused.then().statusCode(429).body("type", equalTo(RATE_LIMITED)).body("detail", containsString("ip"));
        // 20 per 10 minutes: one token every 30 s
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 30);
        given().header("X-Forwarded-For", "192.0.2.11").when().get("/api/v1/offices").then().statusCode(200);
    }

    @Test
    void perAccountBucketFollowsTheAccountAcrossIpsAndSparesOtherAccounts() {
        String busy = TestJwt.applicant("acc-busy");
        for (int i = 0; i < 8; i++) {
            given().auth().oauth2(busy).header("X-Forwarded-For", "192.0.2." + (100 + i))
                    .when().get("/api/v1/applications").then().statusCode(200);
        }
        given().auth().oauth2(busy).header("X-Forwarded-For", "192.0.2.200").header("Accept-Language", "en")
                .when().get("/api/v1/applications")
                .then().statusCode(429).body("type", equalTo(RATE_LIMITED)).body("detail", containsString("account"))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(TestJwt.applicant("acc-calm")).header("X-Forwarded-For", "192.0.2.100")
                .when().get("/api/v1/applications").then().statusCode(200);
    }
}
