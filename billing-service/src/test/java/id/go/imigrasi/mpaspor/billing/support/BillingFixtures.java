package id.go.imigrasi.mpaspor.billing.support;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import id.go.imigrasi.mpaspor.simulators.payment.PaymentChannelSimulator;
import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.contracts.application.SubmittedApplicant;
import id.go.imigrasi.mpaspor.platform.events.CloudEvents;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.restassured.RestAssured;

/**
 * What the tests do as the other parties would: application-service publishing ApplicationSubmitted on
 * application.events, a payment channel calling back over HTTP (the simulator), ops reading committed rows.
 */
public final class BillingFixtures {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A bill as committed in the database. */
    public record IssuedBill(String applicationId, String accountId, String billingCode, long amount, String status) {
    }

    private BillingFixtures() {
    }

    public static String kafka() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static SubmittedApplicant adult(String name, String kind, int years, boolean sameDay) {
        return new SubmittedApplicant(newId("applicant"), name, "3171014101900001", LocalDate.of(1990, 1, 1), kind,
                years, sameDay);
    }

    public static ApplicationSubmitted application(String accountId, SubmittedApplicant... applicants) {
        String applicationId = newId("app");
        return new ApplicationSubmitted(applicationId, accountId, "hold-" + applicationId, "JKTSEL",
                LocalDate.now().plusDays(7), "MORNING", List.of(applicants), Instant.now(), null);
    }

    /** Publishes the event on its producer's topic as that outbox relay would; returns the CloudEvents id. */
    public static String publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID().toString());
    }

    public static String publish(IntegrationEvent event, String eventId) {
        try {
            CloudEvent envelope = CloudEvents.envelope(eventId, "/mpaspor/application-service",
                    EventTypes.ceType(event.getClass()), event.aggregateId(), Instant.now(),
                    JSON.writeValueAsString(event));
            try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka()),
                    new StringSerializer(), new CloudEventSerializer())) {
                producer.send(new ProducerRecord<>(EventTypes.topic(event.getClass()), event.aggregateId(), envelope)).get();
            }
            return eventId;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the application and waits for its committed bill. */
    public static IssuedBill issue(ApplicationSubmitted event) {
        publish(event);
        return awaitBill(event.applicationId());
    }

    public static IssuedBill awaitBill(String applicationId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> bill(applicationId) != null);
        return bill(applicationId);
    }

    public static IssuedBill bill(String applicationId) {
        List<Map<String, Object>> rows = rows("SELECT application_id, account_id, billing_code, amount, status "
                + "FROM bill WHERE application_id = ?", applicationId);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> r = rows.get(0);
        return new IssuedBill((String) r.get("application_id"), (String) r.get("account_id"),
                (String) r.get("billing_code"), ((Number) r.get("amount")).longValue(), (String) r.get("status"));
    }

    public static String status(String billingCode) {
        return (String) rows("SELECT status FROM bill WHERE billing_code = ?", billingCode).get(0).get("status");
    }

    public static long count(String sql, Object... args) {
        return RealInfrastructure.database().count(sql, args);
    }

    public static int update(String sql, Object... args) {
        return RealInfrastructure.database().update(sql, args);
    }

    /** Committed rows, read as another process would. */
    public static List<Map<String, Object>> rows(String sql, Object... args) {
        return RealInfrastructure.database().rows(sql, args);
    }

    /** Moves a bill's deadline into the past, as if two hours had gone by. */
    public static void pastDeadline(String billingCode) {
        update("UPDATE bill SET issued_at = now() - interval '3 hours', expires_at = now() - interval '1 hour' "
                + "WHERE billing_code = ?", billingCode);
    }

    public static String secret(String channel) {
        return ConfigProvider.getConfig().getValue("mpaspor.billing.channel." + channel + ".secret", String.class);
    }

    /** A channel calling the running service over real HTTP. */
    public static PaymentChannelSimulator channel(String channel) {
        return channel(channel, secret(channel));
    }

    public static PaymentChannelSimulator channel(String channel, String secret) {
        return new PaymentChannelSimulator(URI.create("http://localhost:" + RestAssured.port), channel, secret);
    }

    /** Outbox rows of the application with this event type (what the relay publishes). */
    public static long outboxEvents(String applicationId, String eventName) {
        return count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ?", applicationId,
                "mpaspor.billing." + eventName + ".v1");
    }
}
