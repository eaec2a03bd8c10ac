package id.go.imigrasi.mpaspor.ops.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Consumer lag of every consumer group on the broker, per topic and partition, from the Kafka Admin API (end offset
 * minus committed offset), refreshed every few seconds; the dead-letter topics' sizes come with it.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);

    public record Row(String group, String topic, int partition, long committed, long end, long lag) {
    }

    public record Snapshot(List<Row> rows, Map<String, Long> deadLetterRecords, String error) {
        public long totalLag() {
            return rows.stream().mapToLong(Row::lag).sum();
        }
    }

    private final KafkaClients kafka;
    private final id.go.imigrasi.mpaspor.ops.config.OpsConfig config;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), null);

    public ConsumerLag(KafkaClients kafka, id.go.imigrasi.mpaspor.ops.config.OpsConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    @Scheduled(every = "${mpaspor.ops.lag-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = LagDisabled.class)
    void refresh() {
        try {
            snapshot = read();
        } catch (Exception e) {
            LOG.debugf("consumer lag not read: %s", e.getMessage());
            snapshot = new Snapshot(snapshot.rows(), snapshot.deadLetterRecords(), "Kafka: " + e.getMessage());
        }
    }

    public Snapshot read() throws Exception {
        Admin admin = kafka.admin();
        Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (ConsumerGroupListing group : groups) {
            committed.put(group.groupId(), admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS));
        }
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        committed.values().forEach(m -> m.keySet().forEach(tp -> wanted.put(tp, OffsetSpec.latest())));
        List<String> deadLetterTopics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                .filter(t -> t.endsWith(config.deadLetterSuffix())).sorted().toList();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        if (!deadLetterTopics.isEmpty()) {
            admin.describeTopics(deadLetterTopics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> {
                        TopicPartition tp = new TopicPartition(name, p.partition());
                        wanted.put(tp, OffsetSpec.latest());
                        earliest.put(tp, OffsetSpec.earliest());
                    }));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = wanted.isEmpty() ? Map.of()
                : admin.listOffsets(wanted).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> begins = earliest.isEmpty() ? Map.of()
                : admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
        List<Row> rows = new ArrayList<>();
        committed.forEach((group, offsets) -> offsets.forEach((tp, offset) -> {
            if (offset == null || ends.get(tp) == null) {
                return;
            }
            long end = ends.get(tp).offset();
            rows.add(new Row(group, tp.topic(), tp.partition(), offset.offset(), end, Math.max(0, end - offset.offset())));
        }));
        rows.sort(Comparator.comparing(Row::group).thenComparing(Row::topic).thenComparingInt(Row::partition));
        Map<String, Long> deadLetters = new java.util.TreeMap<>();
        for (String topic : deadLetterTopics) {
            long records = 0;
            for (Map.Entry<TopicPartition, OffsetSpec> e : earliest.entrySet()) {
                if (e.getKey().topic().equals(topic)) {
                    records += ends.get(e.getKey()).offset() - begins.get(e.getKey()).offset();
                }
            }
            deadLetters.put(topic, records);
        }
        return new Snapshot(rows, deadLetters, null);
    }

    /** The lag job is off in tests that have no broker. */
    public static class LagDisabled implements Scheduled.SkipPredicate {
        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("mpaspor.ops.feed.enabled", Boolean.class).orElse(true);
        }
    }
}
