import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads each topic whole and counts the records whose CloudEvents id ({@code ce_id}) was already seen on the same
 * partition: what a consumer must skip (the outbox published a record twice). Prints one line per topic:
 * {@code TOPIC <name> records=<n> duplicates=<d>}. Run in source-file mode with the Kafka client on the class path:
 * <pre>
 * java -cp 'local-stack/target/kafka-libs/*' load/faults/TopicDuplicates.java BOOTSTRAP TOPIC...
 * </pre>
 */
public class TopicDuplicates {

    public static void main(String[] args) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(props)) {
            for (int i = 1; i < args.length; i++) {
                String topic = args[i];
                List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos == null || infos.isEmpty()) {
                    System.out.println("TOPIC " + topic + " records=0 duplicates=0 (no such topic)");
                    continue;
                }
                List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = kafka.endOffsets(partitions, Duration.ofSeconds(10));
                Map<Integer, Set<String>> seen = new HashMap<>();
                long records = 0;
                long duplicates = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (!done(kafka, partitions, end) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : kafka.poll(Duration.ofMillis(500))) {
                        records++;
                        Header id = r.headers().lastHeader("ce_id");
                        if (id != null && !seen.computeIfAbsent(r.partition(), p -> new HashSet<>())
                                .add(new String(id.value(), StandardCharsets.UTF_8))) {
                            duplicates++;
                        }
                    }
                }
                System.out.println("TOPIC " + topic + " records=" + records + " duplicates=" + duplicates);
            }
        }
    }

    private static boolean done(KafkaConsumer<byte[], byte[]> kafka, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        for (TopicPartition tp : partitions) {
            if (kafka.position(tp) < end.getOrDefault(tp, 0L)) {
                return false;
            }
        }
        return true;
    }
}
