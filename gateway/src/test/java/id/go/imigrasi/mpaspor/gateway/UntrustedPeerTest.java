package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A client that is not a trusted proxy (here: loopback, when only 192.0.2.0/24 is trusted) cannot choose its
 * bucket with X-Forwarded-For, and what it wrote there does not reach the services.
 */
@QuarkusTest
@TestProfile(UntrustedPeerTest.LoopbackNotTrusted.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UntrustedPeerTest {

    public static class LoopbackNotTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mpaspor.gateway.trusted-proxies", "192.0.2.0/24",
                    "mpaspor.gateway.rate-limits.registration.capacity", "2",
                    "mpaspor.gateway.rate-limits.registration.period", "10m");
        }
    }

    @Test
    void spoofedForwardedForFromAnUntrustedPeerDoesNotChangeTheBucket() {
        given().header("X-Forwarded-For", "198.51.100.61").contentType("application/json").body("{}")
                .when().post("/api/v1/accounts").then().statusCode(200);
        given().header("X-Forwarded-For", "198.51.100.62").contentType("application/json").body("{}")
                .when().post("/api/v1/accounts").then().statusCode(200);
        // a third "client" is the same peer: its registration bucket is empty
        given().header("X-Forwarded-For", "198.51.100.63, 192.0.2.1").contentType("application/json").body("{}")
                .when().post("/api/v1/accounts").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void serviceSeesThePeerNotWhatTheUntrustedClientWrote() {
        String seen = given().header("X-Forwarded-For", "203.0.113.66, 192.0.2.1").when().get("/api/v1/offices")
                .then().statusCode(200).extract().jsonPath().getString("headers.x-forwarded-for");
        assertThat(seen).matches("127\\.0\\.0\\.1|::1");
    }

    @Test
    void anUntrustedPeerClaimingHttpsGetsNoHstsAndTheServiceIsNotToldHttps() {
        var response = given().header("X-Forwarded-Proto", "https").when().get("/api/v1/offices");
        response.then().statusCode(200).header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue());
        assertThat(response.jsonPath().getString("headers.x-forwarded-proto")).isEqualTo("http");
    }
}
