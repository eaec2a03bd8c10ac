package id.go.imigrasi.mpaspor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Password hashing is the cost that collapses login at peak: with the hashing pool full, a login is answered at
 * once with 503 + Retry-After instead of queueing until it times out. (One hashing thread, no queue, and a
 * higher bcrypt cost make the pool easy to fill here.)
 */
@QuarkusTest
@TestProfile(LoadSheddingTest.TinyHashingPool.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LoadSheddingTest {

    public static class TinyHashingPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.account.password.hash-threads", "1", "mpaspor.account.password.queue", "0",
                    "mpaspor.account.password.bcrypt-cost", "12");
        }
    }

    @TestHTTPResource("/auth/login")
    URI login;

    @Test
    void loginsBeyondTheHashingCapacityAreShedWith503AndRetryAfter() {
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String body = "{\"email\":\"crowd-" + i + "@contoh.co.id\",\"password\":\"Tebak-Tebakan-" + i + "\"}";
            calls.add(client.sendAsync(HttpRequest.newBuilder(login).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).as("nothing but answers or polite refusals")
                .allMatch(status -> status == 401 || status == 503);
        List<HttpResponse<String>> shed = answers.stream().filter(r -> r.statusCode() == 503).toList();
        assertThat(shed).as("some logins were shed").isNotEmpty();
        assertThat(answers).as("some logins were served").anyMatch(r -> r.statusCode() == 401);
        // Retry-After grows with the refusals of the last second over the hashing rate (cost 12: a few per second)
        List<Integer> retryAfter = shed.stream().map(r -> Integer.parseInt(r.headers().firstValue("Retry-After")
                .orElseThrow())).toList();
        assertThat(retryAfter).allSatisfy(seconds -> assertThat(seconds).isBetween(1, 30));
        assertThat(retryAfter).as("the crowd outnumbers the hashing rate: later refusals are told to wait longer")
                .anyMatch(seconds -> seconds > 1);
        for (HttpResponse<String> r : shed) {
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(r.body()).contains("service-unavailable");
        }
    }
}
