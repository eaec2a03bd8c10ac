package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.holdJson;
import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Admission of holds: past the instance's limit a hold is refused at once with 503 + Retry-After, it does not
 * queue behind the ones in flight; a permit comes back when an admitted hold is answered.
 */
@QuarkusTest
@TestProfile(HoldAdmissionTest.OneHoldInFlight.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class HoldAdmissionTest {

    public static class OneHoldInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.quota.admission.max-in-flight", "1", "mpaspor.quota.admission.retry-after", "PT2S");
        }
    }

    @TestHTTPResource("/holds")
    URI holds;

    private final HttpClient http = HttpClient.newHttpClient();

    private CompletableFuture<HttpResponse<String>> hold(String office, LocalDate date) {
        String account = Quota.account();
        String nik = nik();
        Quota.applicants(account, List.of(nik));
        HttpRequest request = HttpRequest.newBuilder(holds).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestJwt.applicant(account))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(holdJson(office, date, "MORNING", "REGULAR", List.of(nik))))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHoldBeyondTheLimitIsRefusedAtOnceWithRetryAfterAndThePermitComesBack() throws Exception {
        String office = "SBY";
        LocalDate date = weekday(24);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);

        CompletableFuture<HttpResponse<String>> first;
        try (Connection blocker = RealInfrastructure.database().connect()) {
            // another transaction holds the slot's capacity row: the admitted hold waits on it, in flight
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT held FROM capacity WHERE office_code = ?"
                    + " AND date = ? AND service = 'REGULAR' AND session = 'MORNING' FOR UPDATE")) {
                lock.setString(1, office);
                lock.setObject(2, date);
                lock.executeQuery().close();
            }
            first = hold(office, date);
            await().atMost(Duration.ofSeconds(30)).until(() -> RealInfrastructure.database().count(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND wait_event_type = 'Lock'") >= 1);

            long started = System.nanoTime();
            HttpResponse<String> refused = hold(office, date).get();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("/problems/service-unavailable");
            assertThat(took).as("refused without waiting for the hold in flight").isLessThan(Duration.ofSeconds(2));
            assertThat(first).isNotDone();
            blocker.rollback();
        }
        assertThat(first.get().statusCode()).isEqualTo(201);
        assertThat(hold(office, date).get().statusCode()).as("the permit came back").isEqualTo(201);
        assertThat(Quota.held(office, date, "MORNING")).isEqualTo(2);
    }
}
