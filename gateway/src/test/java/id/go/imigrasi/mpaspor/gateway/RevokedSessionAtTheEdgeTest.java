package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.testkit.KafkaBroker;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Logout (and password change or reset, refresh-token reuse) ends a session at the edge too: once account-service's
 * {@code SessionRevoked} (or {@code RefreshTokenReused}) is on {@code account.events}, the gateway refuses the
 * session's still unexpired access tokens with 401 problem+json before any service sees them. Reproduced the hole:
 * before, the gateway forwarded them (200 from the fake service) and only the services refused.
 */
@QuarkusTest
@TestProfile(RevokedSessionAtTheEdgeTest.RevocationOn.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RevokedSessionAtTheEdgeTest {

    /** The gateway's tests run without the feed; this one turns it on against the testkit's broker. */
    public static class RevocationOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.sessions.revocation.enabled", "true");
        }
    }

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    private static String token(String account, String sid) {
        return TestJwt.sign(TestJwt.claims(account, "applicant").claim("sid", sid));
    }

    /** What account-service's outbox publishes: CloudEvents binary mode, key = account id, JSON payload. */
    private static void publish(String type, String account, String json) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.sharedBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("account.events", account, json);
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/mpaspor/account-service".getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", type.getBytes(StandardCharsets.UTF_8))
                    .add("ce_subject", account.getBytes(StandardCharsets.UTF_8))
                    .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void afterLogoutTheOldAccessTokenIsRefusedAtTheGatewayWith401ProblemJson() {
        String account = UUID.randomUUID().toString();
        String ended = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String endedToken = token(account, ended);
        String otherToken = token(account, other);
        given().auth().oauth2(endedToken).when().get("/api/v1/applications/a1")
                .then().statusCode(200).body("service", equalTo("application"));

        publish("mpaspor.account.SessionRevoked.v1", account, "{\"accountId\":\"" + account + "\",\"sessionId\":\""
                + ended + "\",\"reason\":\"LOGOUT\",\"revokedAt\":\"" + Instant.now() + "\"}");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .auth().oauth2(endedToken).header("Accept-Language", "en").when().get("/api/v1/applications/a1")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-token"))
                .body("service", org.hamcrest.Matchers.nullValue()));
        // every route of the API, not only one service's
        given().auth().oauth2(endedToken).when().get("/api/v1/bills/123").then().statusCode(401);
        given().auth().oauth2(endedToken).contentType("application/json").body("{}").when().post("/api/v1/holds")
                .then().statusCode(401);
        // the account's other session goes on
        given().auth().oauth2(otherToken).when().get("/api/v1/applications/a1").then().statusCode(200);
        // and logging out needs no valid access token: the public route still reaches account-service
        given().auth().oauth2(endedToken).contentType("application/json").body("{\"refreshToken\":\"x\"}")
                .when().post("/api/v1/auth/logout").then().statusCode(200).body("service", equalTo("account"));
    }

    @Test
    void aReusedRefreshTokensSessionIsRefusedToo() {
        String account = UUID.randomUUID().toString();
        String stolen = UUID.randomUUID().toString();
        String stolenToken = token(account, stolen);
        publish("mpaspor.account.RefreshTokenReused.v1", account, "{\"accountId\":\"" + account + "\",\"sessionId\":\""
                + stolen + "\",\"detectedAt\":\"" + Instant.now() + "\"}");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .auth().oauth2(stolenToken).when().get("/api/v1/bookings/b1")
                .then().statusCode(401).body("type", equalTo(PROBLEMS + "invalid-token")));
    }
}
