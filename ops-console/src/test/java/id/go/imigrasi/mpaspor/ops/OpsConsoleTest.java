package id.go.imigrasi.mpaspor.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import id.go.imigrasi.mpaspor.ops.kafka.EventFeed;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The console against a real Kafka broker and a real PostgreSQL database: who may see it, the live stream, and the
 * re-drive of a dead letter (back on its topic with the same CloudEvents id, recorded in {@code redrive} and
 * published on {@code ops.events}).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ops"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsConsoleTest {

    private static final String OPS = TestJwt.sign(TestJwt.claims("ops-1", "ops"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    EventFeed feed;
    @TestHTTPResource("/ops/stream")
    URL stream;

    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void anApplicantsTokenIsRefusedWith403() {
        given().auth().oauth2(TestJwt.applicant("applicant-1")).accept("application/json").get("/ops")
                .then().statusCode(403).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/ops-only"));
        given().auth().oauth2(TestJwt.officer("officer-1", "JKTSEL")).accept("text/html").get("/ops/dead-letters")
                .then().statusCode(403);
    }

    @Test
    void withoutAValidTokenAPageGoesToTheLoginAndAnythingElseIs401() {
        given().redirects().follow(false).accept("text/html").get("/ops")
                .then().statusCode(303).header("Location", endsWith("/ops/login"));
        given().accept("application/json").get("/ops/stream").then().statusCode(401);
        given().auth().oauth2(TestJwt.forged("admin-1")).accept("application/json").get("/ops").then().statusCode(401);
        given().auth().oauth2(TestJwt.expired("admin-1")).accept("application/json").get("/ops").then().statusCode(401);
        given().accept("text/html").get("/ops/login").then().statusCode(200)
                .body(containsString("name=\"csrf\""))
                .header("Set-Cookie", containsString("HttpOnly"));
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefused() {
        given().redirects().follow(false).formParam("email", "ops@mpaspor.local").formParam("password", "x")
                .formParam("csrf", "not-the-token").post("/ops/login")
                .then().statusCode(403).body("type", endsWith("/csrf-token-invalid"));
    }

    @Test
    void opsAndAdminSeeTheOverview() {
        given().auth().oauth2(OPS).accept("text/html").get("/ops")
                .then().statusCode(200).body(containsString("<h1>Overview</h1>"))
                .body(containsString("data-stream=\"/ops/stream\""));
        given().auth().oauth2(TestJwt.admin("admin-1")).accept("text/html").get("/ops/topics")
                .then().statusCode(200).body(containsString("Topic viewer"));
    }

    @Test
    void aSubmissionAppearsOnTheLiveStreamWithinTwoSeconds() throws Exception {
        // the console's group has the topic (a first event may create it)
        String warmUp = "WARM" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        send("application.events", "app-" + UUID.randomUUID(), "mpaspor.application.ApplicationSubmitted.v1",
                UUID.randomUUID().toString(), submitted(warmUp));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> feed.dashboard().view(Instant.now()).offices()
                .stream().anyMatch(o -> o.office().equals(warmUp)));

        StringBuilder seen = new StringBuilder();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream.toURI())
                .header("Authorization", "Bearer " + OPS).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (seen) {
                        seen.append(line).append('\n');
                    }
                }
            } catch (Exception e) {
                // closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            synchronized (seen) {
                return seen.toString().contains("event:dashboard") || seen.toString().contains("event: dashboard");
            }
        });
        String office = "SSE" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        long sent = System.nanoTime();
        send("application.events", "app-" + UUID.randomUUID(), "mpaspor.application.ApplicationSubmitted.v1",
                UUID.randomUUID().toString(), submitted(office));
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
            synchronized (seen) {
                return seen.toString().contains("data-office=\"" + office + "\"");
            }
        });
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isLessThan(2000);
        response.body().close();
    }

    @Test
    void theSagaTraceShowsAnApplicationsEventsAndItsHoldsAcrossServices() throws Exception {
        String app = UUID.randomUUID().toString();
        String hold = UUID.randomUUID().toString();
        send("quota.events", hold, "mpaspor.quota.SlotHeld.v1", UUID.randomUUID().toString(),
                bytes("{\"holdId\":\"" + hold + "\",\"officeCode\":\"JKTSEL\"}"));
        send("application.events", app, "mpaspor.application.ApplicationSubmitted.v1", UUID.randomUUID().toString(),
                bytes("{\"applicationId\":\"" + app + "\",\"holdId\":\"" + hold + "\",\"officeCode\":\"JKTSEL\"}"));
        send("billing.events", app, "mpaspor.billing.BillingIssued.v1", UUID.randomUUID().toString(),
                bytes("{\"applicationId\":\"" + app + "\"}"));
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> feed.sagas().of(app, java.time.ZoneId.of("Asia/Jakarta")).lines().size() == 3);
        given().auth().oauth2(OPS).accept("text/html").queryParam("applicationId", app).get("/ops/trace").then()
                .statusCode(200)
                .body(containsString("<tr data-event=\"SlotHeld\">"))
                .body(containsString("<tr data-event=\"ApplicationSubmitted\">"))
                .body(containsString("<tr data-event=\"BillingIssued\">"))
                .body(containsString("3 event(s)"))
                .body(containsString("href=\"/ops/topics?topic=quota.events&amp;key=" + hold + "\""));
        // an id that is no aggregate id is not looked up; an unknown one says so
        given().auth().oauth2(OPS).accept("text/html").queryParam("applicationId", "<script>").get("/ops/trace").then()
                .statusCode(200).body(not(containsString("<script>"))).body(not(containsString("id=\"trace-empty\"")));
        given().auth().oauth2(OPS).accept("text/html").queryParam("applicationId", "no-such-app").get("/ops/trace")
                .then().statusCode(200).body(containsString("id=\"trace-empty\""));
        given().auth().oauth2(TestJwt.applicant("applicant-1")).accept("text/html").get("/ops/trace").then()
                .statusCode(403);
    }

    @Test
    void aDeadLetterIsListedWithItsReasonAndItsRedriveKeepsTheEventIdAndIsRecorded() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String key = "app-" + UUID.randomUUID();
        String type = "mpaspor.billing.BillingPaid.v1";
        byte[] payload = ("{\"applicationId\":\"" + key + "\",\"channel\":\"bca\",\"paidAt\":\"2026-12-04T03:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        RecordMetadata original = send("billing.events", key, type, eventId, payload);
        // what the platform's inbox parks after the last attempt (SmallRye's dead-letter strategy headers)
        RecordHeaders headers = ceHeaders(type, eventId);
        headers.add("dead-letter-reason", bytes("hold " + key + " is locked"));
        headers.add("dead-letter-cause", bytes("could not serialize access"));
        headers.add("dead-letter-topic", bytes("billing.events"));
        headers.add("dead-letter-partition", bytes(Integer.toString(original.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(original.offset())));
        RecordMetadata dead = producer.send(new ProducerRecord<>("quota.billing.events.dlt", null, key, payload, headers))
                .get(10, TimeUnit.SECONDS);

        given().auth().oauth2(OPS).accept("text/html").get("/ops/dead-letters").then().statusCode(200)
                .body(containsString("quota.billing.events.dlt"))
                .body(containsString("hold " + key + " is locked"))
                .body(containsString(eventId));

        try (TopicProbe<String> billing = TopicProbe.strings(bootstrap, "billing.events");
                TopicProbe<String> audit = TopicProbe.strings(bootstrap, "ops.events")) {
            given().auth().oauth2(OPS).redirects().follow(false)
                    .formParam("topic", "quota.billing.events.dlt").formParam("partition", dead.partition())
                    .formParam("offset", dead.offset()).post("/ops/dead-letters/redrive")
                    .then().statusCode(303).header("Location", containsString("/ops/dead-letters"));

            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> copies = billing.awaitCount(
                    r -> eventId.equals(TopicProbe.header(r, "ce_id")), 2, Duration.ofSeconds(20));
            var redriven = copies.get(1);
            assertThat(redriven.key()).isEqualTo(key);
            assertThat(redriven.value()).isEqualTo(new String(payload, StandardCharsets.UTF_8));
            assertThat(TopicProbe.header(redriven, "ce_type")).isEqualTo(type);
            assertThat(TopicProbe.header(redriven, "dead-letter-reason")).isNull();

            List<Map<String, Object>> rows = RealInfrastructure.database().rows(
                    "SELECT redriven_by, dead_letter_topic, dead_letter_offset, target_topic, target_offset, reason"
                            + " FROM redrive WHERE event_id = ?", eventId);
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.get("redriven_by")).isEqualTo("ops-1");
                assertThat(row.get("dead_letter_topic")).isEqualTo("quota.billing.events.dlt");
                assertThat(((Number) row.get("dead_letter_offset")).longValue()).isEqualTo(dead.offset());
                assertThat(row.get("target_topic")).isEqualTo("billing.events");
                assertThat(((Number) row.get("target_offset")).longValue()).isEqualTo(redriven.offset());
                assertThat(row.get("reason")).isEqualTo("hold " + key + " is locked");
            });
            var event = audit.await(r -> r.value().contains(eventId), Duration.ofSeconds(20));
            assertThat(TopicProbe.header(event, "ce_type")).isEqualTo("mpaspor.ops.DeadLetterRedriven.v1");
            assertThat(event.value()).contains("\"redrivenBy\":\"ops-1\"");
        }
        // the dead letter is marked, the re-drive listed
        given().auth().oauth2(OPS).accept("text/html").get("/ops/dead-letters").then().statusCode(200)
                .body(containsString("Re-driven")).body(containsString("class=\"redrive\" data-event-id=\"" + eventId));
        // "all" re-drives only what was not re-driven yet: nothing here
        given().auth().oauth2(OPS).redirects().follow(false).formParam("topic", "quota.billing.events.dlt")
                .post("/ops/dead-letters/redrive-all").then().statusCode(303)
                .header("Location", containsString("0+record"));
    }

    @Test
    void aRedriveOfNothingOrOfBadInputIsAProblemNeverA500() {
        given().auth().oauth2(OPS).accept("application/json").formParam("topic", "quota.billing.events.dlt")
                .formParam("partition", "0").formParam("offset", "999999").post("/ops/dead-letters/redrive")
                .then().statusCode(404).body("type", endsWith("/dead-letter-not-found"));
        given().auth().oauth2(OPS).accept("application/json").formParam("topic", "quota.billing.events.dlt")
                .formParam("partition", "x").formParam("offset", "1").post("/ops/dead-letters/redrive")
                .then().statusCode(400).body("errors[0].field", equalTo("partition"));
        given().auth().oauth2(OPS).accept("application/json").formParam("topic", "billing.events")
                .formParam("partition", "0").formParam("offset", "0").post("/ops/dead-letters/redrive")
                .then().statusCode(400).body("errors[0].field", equalTo("topic"));
        given().auth().oauth2(TestJwt.applicant("applicant-1")).accept("application/json")
                .formParam("topic", "quota.billing.events.dlt").formParam("partition", "0").formParam("offset", "0")
                .post("/ops/dead-letters/redrive").then().statusCode(403);
    }

    private RecordMetadata send(String topic, String key, String type, String id, byte[] payload) throws Exception {
        return producer.send(new ProducerRecord<>(topic, null, key, payload, ceHeaders(type, id))).get(10, TimeUnit.SECONDS);
    }

    private static byte[] submitted(String office) {
        return ("{\"applicationId\":\"a\",\"officeCode\":\"" + office + "\",\"submittedAt\":\"" + Instant.now() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static RecordHeaders ceHeaders(String type, String id) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/mpaspor/test"));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        return headers;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

}
