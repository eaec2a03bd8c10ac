package id.go.imigrasi.mpaspor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.RawHttp;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * Issue 25, faults 6: a hung service (it accepts the connection and the request, and never answers) held the
 * gateway's first requests for the full 30 s before fast refusals started. Now each waits at most its route's
 * deadline (the production default of 5 s) and is answered 503 problem+json with Retry-After, and within
 * {@code stall-after} (1 s) further requests to that service are refused at once, while the other services
 * answer as usual.
 */
@QuarkusTest
@TestProfile(HungUpstreamTest.ProductionDeadlines.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "hung", value = "biometric"))
class HungUpstreamTest {

    public static class ProductionDeadlines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the production defaults, which the test profile otherwise shortens or switches off
            return Map.of("mpaspor.gateway.proxy.response-timeout", "5s",
                    "mpaspor.gateway.proxy.admission.enabled", "true",
                    "mpaspor.gateway.proxy.admission.stall-after", "PT1S");
        }
    }

    private static final String TOKEN = TestJwt.applicant("acc-hung");

    private record Timed(RawHttp.Answer answer, long millis) {
    }

    private static Timed get(String path) {
        long started = System.nanoTime();
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET", path,
                Map.of("Authorization", "Bearer " + TOKEN, "Accept-Language", "en"), null);
        return new Timed(answer, (System.nanoTime() - started) / 1_000_000);
    }

    private static void isRefused(RawHttp.Answer answer) {
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isNotNull();
        assertThat(new JsonObject(answer.body()).getString("type")).endsWith("/problems/service-unavailable");
    }

    @Test
    void aHungServiceHoldsNoRequestPastItsDeadlineAndIsRefusedAtOnceWithinTwoSeconds() throws Exception {
        // the token's key is loaded and the other services answer before the hang begins
        assertThat(get("/api/v1/applications/a0").answer().status()).isEqualTo(200);
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            long hangStarted = System.nanoTime();
            List<CompletableFuture<Timed>> first = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                first.add(CompletableFuture.supplyAsync(() -> get("/api/v1/appointments/p1"), clients));
            }
            // within two seconds of the hang (one of slack for a busy machine), a further request to that service
            // is refused at once
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
                try {
                    RawHttp.Answer probe = RawHttp.send(RestAssured.port, "GET", "/api/v1/office/appointments",
                            Map.of("Authorization", "Bearer " + TOKEN), null, 1_000);
                    return probe.status() == 503;
                } catch (java.io.UncheckedIOException notAtOnce) {
                    return false;
                }
            });
            long refusalsFrom = (System.nanoTime() - hangStarted) / 1_000_000;
            Timed refused = get("/api/v1/appointments/p2");
            isRefused(refused.answer());
            assertThat(refused.millis()).as("at once").isLessThan(1_000);
            // the other services do not notice
            Timed other = get("/api/v1/applications/a1");
            assertThat(other.answer().status()).isEqualTo(200);
            // the first requests: those admitted before the stall was seen get 503 + Retry-After at their 5 s
            // deadline (not 30 s), the others were refused at once
            int timedOut = 0;
            for (CompletableFuture<Timed> request : first) {
                Timed timed = request.get(8, TimeUnit.SECONDS);
                assertThat(timed.answer().status()).isEqualTo(503);
                assertThat(timed.answer().header("Retry-After")).isNotNull();
                assertThat(timed.millis()).isLessThan(7_000L);
                if (new JsonObject(timed.answer().body()).getString("type").endsWith("/upstream-unavailable")) {
                    timedOut++;
                    assertThat(timed.millis()).isGreaterThanOrEqualTo(4_500L);
                }
            }
            assertThat(timedOut).as("at least the first request waited for its deadline").isPositive();
            System.out.printf("hung service: fast refusals from %d ms, first requests answered 503 after %s ms%n",
                    refusalsFrom, first.stream().map(f -> String.valueOf(f.join().millis())).toList());
        } finally {
            clients.shutdownNow();
        }
    }
}
