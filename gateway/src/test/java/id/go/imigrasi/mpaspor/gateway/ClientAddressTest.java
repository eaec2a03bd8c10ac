package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import io.restassured.response.Response;

/**
 * Behind a trusted load balancer (the test's loopback connection plays it, with more proxies in 10.0.0.0/8 and
 * 2001:db8:ffff::/48), the client is the rightmost untrusted address of X-Forwarded-For: each forwarded client
 * has its own per-IP bucket, and the services get the chain with the balancer appended.
 */
@QuarkusTest
@TestProfile(ClientAddressTest.BehindTrustedProxies.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ClientAddressTest {

    public static class BehindTrustedProxies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mpaspor.gateway.trusted-proxies", "127.0.0.1, ::1, 10.0.0.0/8, 2001:db8:ffff::/48",
                    "mpaspor.gateway.rate-limits.per-ip.capacity", "3",
                    "mpaspor.gateway.rate-limits.per-ip.period", "10m");
        }
    }

    private static final String LOOPBACK = "(127\\.0\\.0\\.1|::1)";

    private static Response calendar(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor).when().get("/api/v1/offices");
    }

    @Test
    void twoForwardedClientsOfATrustedProxyGetSeparateBuckets() {
        for (int i = 0; i < 3; i++) {
            calendar("198.51.100.21").then().statusCode(200);
        }
        calendar("198.51.100.21").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        calendar("198.51.100.22").then().statusCode(200).body("service", equalTo("quota"));
    }

    @Test
    void recursiveChainCountsTheRightmostUntrustedAddressWhateverTheClientWroteLeftOfIt() {
        // the client spoofs the left part each time; the trusted hops differ; its own address does not
        calendar("6.6.6.1, 198.51.100.31").then().statusCode(200);
        calendar("6.6.6.2, 198.51.100.31, 10.0.0.7").then().statusCode(200);
        calendar("6.6.6.3, 198.51.100.31, 10.20.0.1, 10.0.0.7").then().statusCode(200);
        calendar("6.6.6.4, 198.51.100.31, 10.0.0.8").then().statusCode(429);
        // the spoofed addresses have buckets of their own, untouched
        calendar("6.6.6.1").then().statusCode(200);
    }

    @Test
    void ipv6ClientsAreKeyedByTheirCanonicalAddressBehindIpv6Proxies() {
        calendar("2001:db8::31").then().statusCode(200);
        calendar("2001:DB8:0:0:0:0:0:31, 2001:db8:ffff::2").then().statusCode(200);
        calendar("[2001:db8::31]:4711").then().statusCode(200);
        calendar("2001:db8:0::31").then().statusCode(429);
        calendar("2001:db8::32").then().statusCode(200);
    }

    @Test
    void malformedEntriesNeverFailTheRequestAndReachTheServiceAsSent() {
        String[] garbage = { "unknown", "not an address", "::::", "999.1.1.1:70000", "[2001:db8::1", "_hidden" };
        for (int i = 0; i < garbage.length; i++) {
            String chain = "198.51.100.41, " + garbage[i] + ", 10.0.1." + i;
            String seen = calendar(chain).then().statusCode(200).extract().jsonPath()
                    .getString("headers.x-forwarded-for");
            assertThat(seen).isEqualTo(chain + ", " + seen.substring(seen.lastIndexOf(", ") + 2));
            assertThat(seen).matches(".*, " + LOOPBACK);
        }
    }

    @Test
    void malformedEntryWhereTheClientShouldBeCountsAsTheLastTrustedHopNotAsWhatLiesLeftOfIt() {
        calendar("198.51.100.71, unknown, 10.0.2.1").then().statusCode(200);
        calendar("198.51.100.72, garbage, 10.0.2.1").then().statusCode(200);
        calendar("198.51.100.73, 1.2.3.4:x, 10.0.2.1").then().statusCode(200);
        calendar("198.51.100.74, ?, 10.0.2.1").then().statusCode(429);
    }

    @Test
    void serviceGetsTheTrustedChainWithTheProxyAppended() {
        String seen = calendar("203.0.113.51, 10.0.0.7").then().statusCode(200).extract().jsonPath()
                .getString("headers.x-forwarded-for");
        assertThat(seen).matches("203\\.0\\.113\\.51, 10\\.0\\.0\\.7, " + LOOPBACK);
        String direct = given().when().get("/api/v1/offices").then().statusCode(200).extract().jsonPath()
                .getString("headers.x-forwarded-for");
        assertThat(direct).matches(LOOPBACK);
    }
}
