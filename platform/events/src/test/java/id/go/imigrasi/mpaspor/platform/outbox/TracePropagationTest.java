package id.go.imigrasi.mpaspor.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.platform.support.LedgerConsumer;
import id.go.imigrasi.mpaspor.platform.support.Rows;
import id.go.imigrasi.mpaspor.platform.trace.TraceParent;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One saga, one trace: the W3C traceparent of the request goes into the outbox row, onto the Kafka record as the
 * CloudEvents distributed-tracing extension ({@code ce_traceparent}), and into the consumer's work as a new span of
 * the same trace; a request without one starts a trace.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "platform"))
class TracePropagationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AgroalDataSource db;

    private static String code() {
        return "7" + String.format("%014d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 100_000_000_000_000L);
    }

    @Test
    void theRequestsTraceGoesThroughTheOutboxAndKafkaIntoTheConsumersWork() {
        TraceParent client = TraceParent.newTrace();
        String code = code();
        var response = given().header(TraceParent.HEADER, client.header())
                .queryParam("applicationId", "app-" + code).queryParam("billingCode", code)
                .queryParam("amount", 650_000).queryParam("channel", "ATM")
                .when().post("/test/payments").then().statusCode(200).extract();
        String eventId = response.path("eventId");
        TraceParent request = TraceParent.parse(response.header(TraceParent.HEADER)).orElseThrow();
        assertThat(request.traceId()).as("the service continues the caller's trace").isEqualTo(client.traceId());
        assertThat(request.spanId()).as("with a span of its own").isNotEqualTo(client.spanId());

        String stored = Rows.string(db, "SELECT traceparent FROM outbox WHERE id = ?::uuid", eventId);
        assertThat(stored).isEqualTo(request.header());

        try (TopicProbe<String> topic = TopicProbe.strings(kafka, "billing.events")) {
            var record = topic.await(r -> eventId.equals(TopicProbe.header(r, "ce_id")), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(record, "ce_traceparent")).isEqualTo(request.header());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> LedgerConsumer.TRACES.containsKey(code));
        TraceParent consumer = TraceParent.parse(LedgerConsumer.TRACES.get(code)).orElseThrow();
        assertThat(consumer.traceId()).as("the consumer's work is in the same trace").isEqualTo(client.traceId());
        assertThat(consumer.spanId()).as("as a new hop").isNotEqualTo(request.spanId());
    }

    @Test
    void aRequestWithoutTraceparentOrWithAnInvalidOneStartsATrace() {
        for (String sent : new String[] { null, "00-00000000000000000000000000000000-0000000000000000-01", "garbage" }) {
            var spec = given().queryParam("applicationId", "app-x").queryParam("billingCode", code())
                    .queryParam("amount", 1).queryParam("channel", "ATM");
            if (sent != null) {
                spec = spec.header(TraceParent.HEADER, sent);
            }
            String echoed = spec.when().post("/test/payments").then().statusCode(200).extract()
                    .header(TraceParent.HEADER);
            assertThat(TraceParent.parse(echoed)).as("a valid new trace for %s", sent).isPresent();
        }
    }
}
