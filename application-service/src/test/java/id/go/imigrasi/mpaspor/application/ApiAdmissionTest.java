package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Admission of API requests: past the limit a request is answered at once with 503 problem+json and Retry-After,
 * in the caller's language; it does not queue behind the requests in flight; the excluded paths (/q/) pass, and the
 * place comes back when the admitted request is answered.
 */
@QuarkusTest
@TestProfile(ApiAdmissionTest.OneRequestInFlight.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApiAdmissionTest {

    public static class OneRequestInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.admission.enabled", "true", "mpaspor.admission.min-in-flight", "1",
                    "mpaspor.admission.initial-in-flight", "1", "mpaspor.admission.max-in-flight", "1",
                    "mpaspor.admission.retry-after", "PT2S");
        }
    }

    @TestHTTPResource("/")
    URI root;

    private final HttpClient http = HttpClient.newHttpClient();

    private CompletableFuture<HttpResponse<String>> send(String method, String path, String account, String json,
            String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(account)).header("Accept-Language", language);
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(json));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestBeyondTheLimitIsRefusedAtOnceWithRetryAfterAndThePlaceComesBack() throws Exception {
        String account = newAccount();
        String application = createApplication(account);

        CompletableFuture<HttpResponse<String>> inFlight;
        try (Connection blocker = RealInfrastructure.database().connect()) {
            // another transaction holds the application's row: the submission waits on it, in flight
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT id FROM application WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(application));
                lock.executeQuery().close();
            }
            inFlight = send("POST", "applications/" + application + "/submission", account,
                    "{\"holdId\":\"" + UUID.randomUUID() + "\"}", "en");
            await().atMost(Duration.ofSeconds(30)).until(() -> RealInfrastructure.database().count(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND wait_event_type = 'Lock'") >= 1);

            long started = System.nanoTime();
            HttpResponse<String> refused = send("GET", "applications", account, null, "id").get();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Content-Language")).hasValue("id");
            assertThat(refused.body()).contains("/problems/service-unavailable");
            assertThat(took).as("refused without waiting for the request in flight").isLessThan(Duration.ofSeconds(2));

            HttpResponse<String> health = send("GET", "q/openapi", account, null, "en").get();
            assertThat(health.statusCode()).as("the excluded paths pass").isEqualTo(200);
            assertThat(inFlight).isNotDone();
            blocker.rollback();
        }
        assertThat(inFlight.get().statusCode()).as("the admitted request is answered").isNotIn(500, 503);
        assertThat(send("GET", "applications", account, null, "en").get().statusCode())
                .as("the place came back").isEqualTo(200);
    }
}
