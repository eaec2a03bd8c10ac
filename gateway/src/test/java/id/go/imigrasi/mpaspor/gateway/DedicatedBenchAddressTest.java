package id.go.imigrasi.mpaspor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.RawHttp;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Issue 25, security 7: the benchmark's users get their own buckets through X-Forwarded-For only from a
 * dedicated trusted address (here 127.0.0.2, as the launcher should set it), while a client reaching the gateway
 * directly from 127.0.0.1 cannot choose its bucket that way.
 */
@QuarkusTest
@TestProfile(DedicatedBenchAddressTest.OnlyTheBenchAddressIsTrusted.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DedicatedBenchAddressTest {

    public static class OnlyTheBenchAddressIsTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.gateway.trusted-proxies", "127.0.0.2",
                    "mpaspor.gateway.rate-limits.login.capacity", "1",
                    "mpaspor.gateway.rate-limits.login.period", "10m");
        }
    }

    private static int login(String source, String forwardedFor) throws Exception {
        return RawHttp.sendFrom(InetAddress.getByName(source), RestAssured.port, "POST", "/api/v1/auth/login",
                Map.of("X-Forwarded-For", forwardedFor, "Content-Type", "application/json"), "{}").status();
    }

    @Test
    void usersBehindTheBenchAddressHaveTheirOwnBucketsADirectLoopbackClientHasOne() throws Exception {
        assertThat(login("127.0.0.2", "198.51.100.1")).isEqualTo(200);
        assertThat(login("127.0.0.2", "198.51.100.2")).isEqualTo(200);
        assertThat(login("127.0.0.2", "198.51.100.1")).isEqualTo(429);
        // straight from 127.0.0.1: the header does not count, every "user" is 127.0.0.1
        assertThat(login("127.0.0.1", "198.51.100.3")).isEqualTo(200);
        assertThat(login("127.0.0.1", "198.51.100.4")).isEqualTo(429);
    }
}
