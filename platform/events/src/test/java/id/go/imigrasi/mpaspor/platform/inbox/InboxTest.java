package id.go.imigrasi.mpaspor.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.platform.events.CloudEvents;
import id.go.imigrasi.mpaspor.platform.support.LedgerConsumer;
import id.go.imigrasi.mpaspor.platform.support.Rows;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The consumer side: outbox, relay, Kafka and inbox together, and the failure cases a consumer must survive:
 * redelivery, transient failures, poison.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "platform"))
class InboxTest {

    private static final String DLT = "platform-test.billing.events.dlt";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AgroalDataSource db;

    private static String code() {
        return "8" + String.format("%014d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 100_000_000_000_000L);
    }

    private static void pay(String billingCode, String channel) {
        given().queryParam("applicationId", "app-" + billingCode).queryParam("billingCode", billingCode)
                .queryParam("amount", 650_000).queryParam("channel", channel)
                .when().post("/test/payments").then().statusCode(200);
    }

    private long ledger(String billingCode) {
        return Rows.count(db, "SELECT count(*) FROM ledger WHERE billing_code = ?", billingCode);
    }

    private static String billingPaidJson(String billingCode) {
        return "{\"applicationId\":\"app-" + billingCode + "\",\"holdId\":\"h\",\"billingCode\":\"" + billingCode
                + "\",\"amount\":950000,\"channel\":\"INDOMARET\",\"ntpn\":\"N1\",\"paidAt\":\"" + Instant.now() + "\"}";
    }

    private void send(String eventId, String key, String json) throws Exception {
        CloudEvent event = CloudEvents.envelope(eventId, "/mpaspor/billing-service", "mpaspor.billing.BillingPaid.v1",
                key, Instant.now(), json);
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka), new StringSerializer(), new CloudEventSerializer())) {
            producer.send(new ProducerRecord<>("billing.events", key, event)).get();
        }
    }

    @Test
    void paymentFlowsFromOutboxThroughKafkaIntoTheConsumersEffect() {
        String code = code();
        pay(code, "ATM");
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger(code) == 1);
        assertThat(Rows.count(db, "SELECT count(*) FROM inbox WHERE consumer = 'ledger' AND event_type = "
                + "'mpaspor.billing.BillingPaid.v1' AND event_id IN (SELECT id::text FROM outbox WHERE payload LIKE ?)",
                "%" + code + "%")).isEqualTo(1);
    }

    @Test
    void redeliveredEventIsAppliedOnce() throws Exception {
        String duplicated = code();
        String eventId = UUID.randomUUID().toString();
        send(eventId, "app-" + duplicated, billingPaidJson(duplicated));
        send(eventId, "app-" + duplicated, billingPaidJson(duplicated));
        String marker = code();
        send(UUID.randomUUID().toString(), "app-" + duplicated, billingPaidJson(marker));

        // same key, same partition: once the marker is applied, both copies before it were consumed
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger(marker) == 1);
        assertThat(ledger(duplicated)).isEqualTo(1);
        assertThat(Rows.count(db, "SELECT count(*) FROM inbox WHERE event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void failingEffectIsRetriedAndItsPartialWritesRolledBack() {
        String code = code();
        pay(code, "FLAKY");
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger(code) >= 1);
        assertThat(LedgerConsumer.ATTEMPTS.get(code).get()).as("two failures, then success").isEqualTo(3);
        assertThat(ledger(code)).as("the failed attempts left nothing behind").isEqualTo(1);
    }

    @Test
    void poisonEventsAreParkedInTheDeadLetterTopicWithTheReasonAndDoNotBlockTheOthers() throws Exception {
        String unreadableId = UUID.randomUUID().toString();
        String key = "app-poison-" + UUID.randomUUID();
        send(unreadableId, key, "{\"applicationId\": \"not closed");
        String refused = code();
        pay(refused, "ALWAYS-FAIL");
        String plainValue = "{\"plain\":\"" + UUID.randomUUID() + "\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("billing.events", key, plainValue)).get();
        }
        String good = code();
        pay(good, "POS");

        try (TopicProbe<String> dlt = TopicProbe.strings(kafka, DLT)) {
            var unreadable = dlt.await(r -> unreadableId.equals(TopicProbe.header(r, "ce_id")), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(unreadable, "dead-letter-reason")).contains("unreadable");
            var failing = dlt.await(r -> r.value() != null && r.value().contains(refused), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(failing, "dead-letter-reason")).contains("ledger refuses channel ALWAYS-FAIL");
            var notCloudEvent = dlt.await(r -> plainValue.equals(r.value()), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(notCloudEvent, "dead-letter-reason")).contains("not a CloudEvent");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger(good) == 1);
        assertThat(ledger(refused)).as("every failed attempt rolled back").isZero();
        assertThat(LedgerConsumer.ATTEMPTS.get(refused).get()).as("configured attempts, then parked").isEqualTo(3);
    }
}
