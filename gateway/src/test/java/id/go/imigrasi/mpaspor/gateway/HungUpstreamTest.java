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

    private static void isUpstream503(RawHttp.Answer answer) {
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isNotNull();
        assertThat(new JsonObject(answer.body()).getString("type")).endsWith("/problems/upstream-unavailable")
                .isNotNull();
    }

    @Test
    void aHungServiceHoldsNoRequestPastItsDeadlineAndIsRefusedAtOnceWithinTwoSeconds() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            long hangStarted = System.nanoTime();
            List<CompletableFuture<Timed>> first = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                first.add(CompletableFuture.supplyAsync(() -> get("/api/v1/appointments/p1"), clients));
            }
            // within two seconds of the hang, a further request to that service is refused at once
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Timed probe = get("/api/v1/office/appointments");
                return probe.answer().status() == 503 && probe.millis() < 250;
            });
            long refusalsFrom = (System.nanoTime() - hangStarted) / 1_000_000;
            Timed refused = get("/api/v1/appointments/p2");
            isUpstream503(refused.answer());
            assertThat(refused.millis()).isLessThan(250);
            // the other services do not notice
            Timed other = get("/api/v1/applications/a1");
            assertThat(other.answer().status()).isEqualTo(200);
            // the first requests: 503 + Retry-After after the 5 s deadline, not 30 s
            for (CompletableFuture<Timed> request : first) {
                Timed timed = request.get(8, TimeUnit.SECONDS);
                isUpstream503(timed.answer());
                assertThat(timed.millis()).isBetween(4_500L, 7_000L);
            }
            System.out.printf("hung service: fast refusals from %d ms, first requests answered 503 after %s ms%n",
                    refusalsFrom, first.stream().map(f -> String.valueOf(f.join().millis())).toList());
        } finally {
            clients.shutdownNow();
        }
    }
}
