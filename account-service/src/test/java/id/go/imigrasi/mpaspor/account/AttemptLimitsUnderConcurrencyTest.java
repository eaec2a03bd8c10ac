package id.go.imigrasi.mpaspor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 25, Security 4: attempts sent all at once are counted before they are evaluated, so never more than the
 * limit of them is evaluated (attack runs had 15-18 of 20 wrong OTPs and 9 of 10 wrong passwords evaluated
 * against a limit of 5).
 */
@QuarkusTest
@TestProfile(AttemptLimitsUnderConcurrencyTest.RoomyHashingPool.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AttemptLimitsUnderConcurrencyTest {

    /** Room for every login of the test in the hashing pool: none is shed (503), all reach the attempt count. */
    public static class RoomyHashingPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.account.password.queue", "32", "mpaspor.account.password.max-wait", "PT60S");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private List<HttpResponse<String>> atOnce(int n, String path, java.util.function.IntFunction<String> body) {
        HttpClient client = HttpClient.newHttpClient();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "203.0.113.44")
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build());
        }
        List<CompletableFuture<HttpResponse<String>>> calls = requests.stream()
                .map(r -> client.sendAsync(r, HttpResponse.BodyHandlers.ofString())).toList();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void twentyWrongCodesAtOnceHaveExactlyFiveEvaluated() {
        String email = Accounts.newEmail("otp-race");
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
        String code = MailServer.otp(email, 1);
        String wrong = code.equals("000000") ? "111111" : "000000";

        List<HttpResponse<String>> answers = atOnce(20, "accounts/verification",
                i -> "{\"email\":\"" + email + "\",\"otp\":\"" + wrong + "\"}");

        List<HttpResponse<String>> evaluatedWrong = answers.stream().filter(a -> a.statusCode() == 400).toList();
        // four wrong codes were compared and answered with the tries left (4, 3, 2, 1); the fifth compared voided the
        // code (429), and the fifteen beyond the limit were refused without being compared (429)
        assertThat(evaluatedWrong).hasSize(4);
        assertThat(evaluatedWrong.stream().map(a -> a.body().replaceAll(".*sisa (\\d) percobaan.*", "$1")))
                .containsExactlyInAnyOrder("4", "3", "2", "1");
        assertThat(answers.stream().filter(a -> a.statusCode() == 429)).hasSize(16)
                .allMatch(a -> a.body().contains("otp-attempts-exceeded") && a.headers().firstValue("Retry-After").isPresent());
        assertThat(Db.count("SELECT attempts FROM otp_guard WHERE email = ? AND purpose = 'VERIFY_EMAIL'", email))
                .isEqualTo(5);

        // and the right code cannot be used any more
        Accounts.verify(email, code).then().statusCode(429);
        assertThat(Db.count("SELECT count(*) FROM account WHERE email = ? AND status = 'PENDING_VERIFICATION'", email))
                .isEqualTo(1);
    }

    @Test
    void tenWrongPasswordsAtOnceHaveExactlyFiveEvaluated() {
        String email = Accounts.newEmail("login-race");
        String id = Accounts.activeApplicant(email);

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "account.events")) {
            List<HttpResponse<String>> answers = atOnce(10, "auth/login",
                    i -> "{\"email\":\"" + email + "\",\"password\":\"Salah-Tebak-" + i + "\"}");

            assertThat(answers).extracting(HttpResponse::statusCode).allMatch(s -> s == 401 || s == 429);
            // five passwords were checked: four answered "wrong", the fifth locked (429); the rest were refused
            // before their password was checked (429)
            assertThat(answers.stream().filter(a -> a.statusCode() == 401)).hasSize(4);
            assertThat(answers.stream().filter(a -> a.statusCode() == 429)).hasSize(6)
                    .allMatch(a -> a.body().contains("login-locked"));
            probe.await(r -> id.equals(r.key()) && r.value().getType().equals("mpaspor.account.AccountLocked.v1"),
                    Duration.ofSeconds(20));
            assertThat(probe.seen().stream().filter(r -> id.equals(r.key())
                    && r.value().getType().equals("mpaspor.account.AccountLocked.v1"))).as("locked once").hasSize(1);
        }
        // the right password from the same client is refused too: the pair is locked
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .header("X-Forwarded-For", "203.0.113.44")
                .body(java.util.Map.of("email", email, "password", Accounts.PASSWORD))
                .when().post("/auth/login").then().statusCode(429);
    }
}
