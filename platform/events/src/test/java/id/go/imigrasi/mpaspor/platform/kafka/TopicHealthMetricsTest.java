package id.go.imigrasi.mpaspor.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.KafkaBroker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Consumer lag per group and partition and dead-letter topic size, read from a real broker with the Admin API,
 * for the groups and dead-letter topics the service's messaging configuration names.
 */
class TopicHealthMetricsTest {

    private final String kafka = KafkaBroker.sharedBootstrapServers();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String topic = "health-" + run + ".events";
    private final String deadLetters = "health-" + run + ".dlt";
    private final String group = "health-" + run;

    private SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    private void produce(String to, int partition, int records) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(to, partition, "k" + i, "v" + i)).get();
            }
        }
    }

    private void commit(int partition, long offset) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka,
                "group.id", group), new StringDeserializer(), new StringDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)));
        }
    }

    @Test
    void lagIsTheRecordsAGroupHasNotCommittedPerPartitionAndDeadLettersAreCounted() throws Exception {
        KafkaBroker.createTopic(kafka, topic, 2);
        KafkaBroker.createTopic(kafka, deadLetters, 1);
        produce(topic, 0, 7);
        produce(topic, 1, 3);
        commit(0, 2);
        commit(1, 3);
        produce(deadLetters, 0, 2);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TopicHealthMetrics metrics = new TopicHealthMetrics(config(Map.of(
                "kafka.bootstrap.servers", kafka,
                "mp.messaging.connector.smallrye-kafka.group.id", group,
                "mp.messaging.incoming.in.connector", "smallrye-kafka",
                "mp.messaging.incoming.in.topic", topic,
                "mp.messaging.incoming.in.dead-letter-queue.topic", deadLetters,
                "mp.messaging.incoming.other.connector", "smallrye-kafka",
                "mp.messaging.incoming.other.dead-letter-queue.topic", "health-" + run + ".never.dlt")), registry);
        try {
            assertThat(metrics.groups()).containsExactly(group);
            assertThat(gauge(registry, "mpaspor.kafka.dead.letter.records", "topic", deadLetters)).isZero();

            metrics.refresh();

            assertThat(lag(registry, 0)).isEqualTo(5);
            assertThat(lag(registry, 1)).isZero();
            assertThat(gauge(registry, "mpaspor.kafka.dead.letter.records", "topic", deadLetters)).isEqualTo(2);
            assertThat(gauge(registry, "mpaspor.kafka.dead.letter.records", "topic", "health-" + run + ".never.dlt"))
                    .as("a dead-letter topic that does not exist yet holds nothing").isZero();

            commit(0, 7);
            metrics.refresh();
            assertThat(lag(registry, 0)).isZero();
        } finally {
            metrics.close();
        }
    }

    private double lag(SimpleMeterRegistry registry, int partition) {
        Gauge gauge = registry.find("mpaspor.kafka.consumer.lag").tag("group", group).tag("topic", topic)
                .tag("partition", Integer.toString(partition)).gauge();
        assertThat(gauge).as("lag gauge of partition %d", partition).isNotNull();
        return gauge.value();
    }

    private static double gauge(SimpleMeterRegistry registry, String name, String tag, String value) {
        Gauge gauge = registry.find(name).tag(tag, value).gauge();
        assertThat(gauge).as("%s{%s=%s}", name, tag, value).isNotNull();
        return gauge.value();
    }
}
