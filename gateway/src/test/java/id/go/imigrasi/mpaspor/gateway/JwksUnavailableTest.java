package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Tokens are verified with account-service's JWKS URL (production) and account-service is down: a token that
 * may well be valid gets 503 + Retry-After, not a 401 that would sign the user out; public routes of other
 * services still work.
 */
@QuarkusTest
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "down", value = "account"), @ResourceArg(name = "jwks-from-account", value = "true") })
class JwksUnavailableTest {

    @Test
    void unreachableVerificationKeysGive503NotASignOut() {
        given().auth().oauth2(TestJwt.applicant("acc-1")).header("Accept-Language", "en")
                .when().get("/api/v1/applications/a1")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upstream-unavailable"))
                .body("detail", containsString("account-service"));
    }

    @Test
    void publicRoutesOfOtherServicesStillWork() {
        given().when().get("/api/v1/offices").then().statusCode(200).body("service", equalTo("quota"));
    }
}
