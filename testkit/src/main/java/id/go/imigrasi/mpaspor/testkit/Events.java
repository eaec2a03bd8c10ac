package id.go.imigrasi.mpaspor.testkit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;

/**
 * Publishes an event as its producer's outbox relay would: on the producer's topic, keyed by the aggregate id, as a
 * CloudEvents 1.0 binary-mode record (the platform's envelope: {@code partitionkey} extension, JSON data). For tests
 * of a consumer; the producing service need not run.
 */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {
    }

    /** Publishes with a fresh id, now; returns the CloudEvent id. */
    public static String publish(String bootstrapServers, IntegrationEvent event) {
        return publish(bootstrapServers, event, UUID.randomUUID().toString(), Instant.now());
    }

    /** Publishes with this id and time (the same id twice is a redelivery); returns the id. */
    public static String publish(String bootstrapServers, IntegrationEvent event, String eventId, Instant time) {
        String topic = EventTypes.topic(event.getClass());
        String producer = topic.substring(0, topic.indexOf('.'));
        try {
            CloudEvent envelope = CloudEventBuilder.v1().withId(eventId)
                    .withSource(URI.create("/mpaspor/" + producer + "-service"))
                    .withType(EventTypes.ceType(event.getClass())).withSubject(event.aggregateId())
                    .withTime(time.atOffset(ZoneOffset.UTC)).withDataContentType("application/json")
                    .withExtension("partitionkey", event.aggregateId())
                    .withData(JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8)).build();
            try (KafkaProducer<String, CloudEvent> client = new KafkaProducer<>(
                    Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), new CloudEventSerializer())) {
                client.send(new ProducerRecord<>(topic, event.aggregateId(), envelope)).get();
            }
            return eventId;
        } catch (Exception e) {
            throw new IllegalStateException("publishing " + event + " failed", e);
        }
    }
}
