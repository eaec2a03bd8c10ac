package id.go.imigrasi.mpaspor.account;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.platform.events.CloudEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;

/** Publishes another service's event on its topic, as that service's outbox relay would. */
final class Events {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private Events() {
    }

    static void publish(String kafka, IntegrationEvent event) throws Exception {
        String service = EventTypes.of(event.getClass()).service();
        CloudEvent envelope = CloudEvents.envelope(UUID.randomUUID().toString(), "/mpaspor/" + service + "-service",
                EventTypes.ceType(event.getClass()), event.aggregateId(), Instant.now(), JSON.writeValueAsString(event));
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka),
                new StringSerializer(), new CloudEventSerializer())) {
            producer.send(new ProducerRecord<>(EventTypes.topic(event.getClass()), event.aggregateId(), envelope)).get();
        }
    }
}
