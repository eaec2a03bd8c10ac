package id.go.imigrasi.mpaspor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.PathVariants;
import id.go.imigrasi.mpaspor.gateway.support.RawHttp;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * Issue 25, security 1: {@code POST /api/v1/auth/login;a=b} and {@code POST /api/v1/accounts/} skipped the login
 * and registration buckets. Every spelling of every route with a bucket of its own is now counted in that
 * bucket (the third request of a client with a bucket of two is a 429, whichever spelling it uses) and reaches
 * the service under its canonical path, or is refused with a 400 problem+json that reaches no service.
 */
@QuarkusTest
@TestProfile(PathVariantRateLimitTest.TwoPerBucket.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PathVariantRateLimitTest {

    public static class TwoPerBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mpaspor.gateway.rate-limits.login.capacity", "2",
                    "mpaspor.gateway.rate-limits.login.period", "10m",
                    "mpaspor.gateway.rate-limits.otp.capacity", "2",
                    "mpaspor.gateway.rate-limits.otp.period", "10m",
                    "mpaspor.gateway.rate-limits.registration.capacity", "2",
                    "mpaspor.gateway.rate-limits.registration.period", "10m",
                    "mpaspor.gateway.rate-limits.password-reset.capacity", "2",
                    "mpaspor.gateway.rate-limits.password-reset.period", "10m");
        }
    }

    /** The public routes that have a stricter bucket. */
    private static final List<String> BUCKETED = List.of("/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/accounts/otp", "/api/v1/accounts/verification", "/api/v1/accounts/password-reset",
            "/api/v1/accounts/password-reset/confirm", "/api/v1/accounts");

    /** A fresh client address per case: each case starts with full buckets. */
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    static Stream<Arguments> spellings() {
        return BUCKETED.stream().flatMap(p -> PathVariants.same(p).stream().map(v -> Arguments.of(p, v)));
    }

    static Stream<Arguments> refusals() {
        return BUCKETED.stream().flatMap(p -> PathVariants.refused(p).stream()
                .map(v -> Arguments.of(p, v)));
    }

    static Stream<Arguments> unparseable() {
        return BUCKETED.stream().flatMap(p -> PathVariants.unparseable(p).stream().map(v -> Arguments.of(p, v)));
    }

    @ParameterizedTest(name = "POST {1}")
    @MethodSource("unparseable")
    void aTargetThatIsNoUriIsRefusedBeforeAnyRouteAndReachesNoService(String canonical, String variant) {
        String client = nextClient();
        RawHttp.Answer answer = post(variant, client);
        assertThat(answer.status()).as(variant).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("service");
        // and it took nothing from the bucket: the client still has its two requests
        assertThat(post(canonical, client).status()).isEqualTo(200);
        assertThat(post(canonical, client).status()).isEqualTo(200);
    }

    private static RawHttp.Answer post(String path, String client) {
        return RawHttp.send(RestAssured.port, "POST", path,
                Map.of("X-Forwarded-For", client, "Content-Type", "application/json"), "{}");
    }

    private static String nextClient() {
        int n = CLIENTS.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    @ParameterizedTest(name = "POST {1}")
    @MethodSource("spellings")
    void aSpellingOfARouteWithABucketIsCountedInThatBucketAndForwardedCanonical(String canonical, String variant) {
        String client = nextClient();
        RawHttp.Answer first = post(variant, client);
        assertThat(first.status()).as("first %s", variant).isEqualTo(200);
        String forwarded = new JsonObject(first.body()).getString("path");
        assertThat(forwarded).as("the service gets the canonical path").doesNotContain(";").doesNotEndWith("/")
                .doesNotContain("//").doesNotContain("%").isEqualToIgnoringCase(canonical.substring("/api/v1".length()));
        assertThat(post(canonical, client).status()).isEqualTo(200);
        RawHttp.Answer third = post(variant, client);
        assertThat(third.status()).as("third %s: the bucket of %s is empty", variant, canonical).isEqualTo(429);
        assertThat(third.header("Content-Type")).startsWith("application/problem+json");
        assertThat(third.header("Retry-After")).isNotNull();
        assertThat(post(canonical, client).status()).isEqualTo(429);
    }

    @ParameterizedTest(name = "POST {1}")
    @MethodSource("refusals")
    void aPathWithoutCanonicalFormIsRefusedWith400ProblemAndReachesNoService(String canonical, String variant) {
        RawHttp.Answer answer = post(variant, nextClient());
        assertThat(answer.status()).as(variant).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(new JsonObject(answer.body()).getString("type"))
                .isEqualTo("https://mpaspor.imigrasi.go.id/problems/path-not-canonical");
        assertThat(new JsonObject(answer.body()).containsKey("service")).isFalse();
    }
}
