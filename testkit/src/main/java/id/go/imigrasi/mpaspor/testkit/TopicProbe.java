package id.go.imigrasi.mpaspor.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * Reads what really is on a topic, from its beginning, as an ops engineer or another service would: assertions
 * on published events wait with a deadline instead of sleeping.
 */
public final class TopicProbe<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, Deserializer<V> valueDeserializer, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), valueDeserializer);
        consumer.subscribe(topics);
    }

    /**
     * CloudEvents (binary or structured mode) on the given topics. Records that are not CloudEvents (a test may
     * put such poison on a topic on purpose) are skipped.
     */
    public static TopicProbe<CloudEvent> cloudEvents(String bootstrapServers, String... topics) {
        return new TopicProbe<>(bootstrapServers, new Lenient(), List.of(topics));
    }

    private static final class Lenient implements Deserializer<CloudEvent> {
        private final CloudEventDeserializer delegate = new CloudEventDeserializer();

        @Override
        public CloudEvent deserialize(String topic, byte[] data) {
            return deserialize(topic, null, data);
        }

        @Override
        public CloudEvent deserialize(String topic, Headers headers, byte[] data) {
            try {
                return delegate.deserialize(topic, headers, data);
            } catch (RuntimeException notACloudEvent) {
                return null;
            }
        }
    }

    /** Raw string values with their headers, e.g. a dead-letter topic. */
    public static TopicProbe<String> strings(String bootstrapServers, String... topics) {
        return new TopicProbe<>(bootstrapServers, new StringDeserializer(), List.of(topics));
    }

    /** Waits until a record matches, or fails after {@code timeout}. */
    public ConsumerRecord<String, V> await(Predicate<ConsumerRecord<String, V>> match, Duration timeout) {
        return awaitCount(match, 1, timeout).get(0);
    }

    /** Waits until at least {@code count} records match, or fails after {@code timeout}. */
    public List<ConsumerRecord<String, V>> awaitCount(Predicate<ConsumerRecord<String, V>> match, int count,
            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<ConsumerRecord<String, V>> matching = matching(match);
            if (matching.size() >= count) {
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " matching records within " + timeout + ", saw "
                        + matching.size() + " of " + seen.size() + " records");
            }
            poll(Duration.ofMillis(200));
        }
    }

    /** Everything that matches after reading for {@code duration}: to prove something was NOT published. */
    public List<ConsumerRecord<String, V>> readFor(Duration duration, Predicate<ConsumerRecord<String, V>> match) {
        Instant end = Instant.now().plus(duration);
        while (Instant.now().isBefore(end)) {
            poll(Duration.ofMillis(200));
        }
        return matching(match);
    }

    public List<ConsumerRecord<String, V>> seen() {
        return List.copyOf(seen);
    }

    private List<ConsumerRecord<String, V>> matching(Predicate<ConsumerRecord<String, V>> match) {
        return seen.stream().filter(match).collect(Collectors.toList());
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, V> record : consumer.poll(timeout)) {
            if (record.value() != null) {
                seen.add(record);
            }
        }
    }

    /** The value of a header as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

}
