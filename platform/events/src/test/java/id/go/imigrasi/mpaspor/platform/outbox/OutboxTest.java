package id.go.imigrasi.mpaspor.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.platform.support.Rows;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The writer side of the outbox, through the running relay to the real broker. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "platform"))
class OutboxTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AgroalDataSource db;

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static String pay(String applicationId, String billingCode, boolean fail) {
        return given().queryParam("applicationId", applicationId).queryParam("billingCode", billingCode)
                .queryParam("amount", 350_000).queryParam("fail", fail)
                .when().post("/test/payments")
                .then().statusCode(fail ? 500 : 200).extract().path("eventId");
    }

    @Test
    void committedEventIsPublishedOnceAsACloudEventKeyedByItsAggregate() {
        String applicationId = newId("app");
        String eventId = pay(applicationId, "820260000000011", false);

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "billing.events")) {
            var record = probe.await(r -> r.value().getId().equals(eventId), Duration.ofSeconds(20));
            CloudEvent event = record.value();
            assertThat(record.key()).isEqualTo(applicationId);
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.getType()).isEqualTo("mpaspor.billing.BillingPaid.v1");
            assertThat(event.getSource().toString()).isEqualTo("/mpaspor/platform-test");
            assertThat(event.getSubject()).isEqualTo(applicationId);
            assertThat(event.getTime()).isNotNull();
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(TopicProbe.header(record, "ce_id")).as("binary mode: attributes are headers").isEqualTo(eventId);
            String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
            assertThat(data).contains("\"billingCode\":\"820260000000011\"").contains("\"amount\":350000");

            assertThat(probe.readFor(Duration.ofSeconds(1), r -> r.value().getId().equals(eventId))).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Rows.count(db,
                "SELECT count(*) FROM outbox WHERE id = ?::uuid AND sent_at IS NOT NULL", eventId) == 1);
    }

    @Test
    void eventOfARolledBackTransactionIsNeverPublished() {
        String failed = newId("rolled-back");
        pay(failed, "820260000000029", true);
        assertThat(Rows.count(db, "SELECT count(*) FROM payment WHERE application_id = ?", failed)).isZero();
        assertThat(Rows.count(db, "SELECT count(*) FROM outbox WHERE aggregate_id = ?", failed)).isZero();

        // a later committed event is published; the rolled-back one, written before it, never is
        String marker = newId("marker");
        String markerEvent = pay(marker, "820260000000037", false);
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "billing.events")) {
            probe.await(r -> r.value().getId().equals(markerEvent), Duration.ofSeconds(20));
            assertThat(probe.readFor(Duration.ofMillis(500), r -> failed.equals(r.key()))).isEmpty();
        }
    }

    @Test
    void outboxRefusesToWriteOutsideATransaction() {
        String applicationId = newId("no-tx");
        given().queryParam("applicationId", applicationId)
                .when().post("/test/payments/outside-transaction")
                .then().statusCode(500).body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/internal-error"));
        assertThat(Rows.count(db, "SELECT count(*) FROM outbox WHERE aggregate_id = ?", applicationId)).isZero();
    }

    @Test
    void commitWakesTheRelayWithoutWaitingForThePollInterval() {
        // the test profile polls only every 30 s: an event seen within 5 s was delivered by LISTEN/NOTIFY
        String applicationId = newId("wake");
        String eventId = pay(applicationId, "820260000000045", false);
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "billing.events")) {
            probe.await(r -> r.value().getId().equals(eventId), Duration.ofSeconds(5));
        }
    }
}
