package id.go.imigrasi.mpaspor.platform.outbox;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;

/**
 * The relay's Kafka producer: idempotent, {@code acks=all}, no delivery timeout, CloudEvents binary mode. Set
 * explicitly; overrides cannot weaken these three.
 */
public final class OutboxProducers {

    private OutboxProducers() {
    }

    public static Producer<String, CloudEvent> create(String bootstrapServers, String clientId,
            Map<String, String> overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5); // ordered with idempotence
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY);
        props.putAll(overrides);
        // the guarantees the outbox relies on cannot be configured away
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // never give up on a record once sent: a record given up on may still be appended by a broker that was
        // frozen, and the relay's next attempt (a new producer id) would then publish it a second time. Retries
        // of the same producer carry the same sequence number, which the broker deduplicates.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        return new KafkaProducer<>(props, new StringSerializer(), new CloudEventSerializer());
    }
}
