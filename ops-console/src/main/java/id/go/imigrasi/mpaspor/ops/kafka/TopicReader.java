package id.go.imigrasi.mpaspor.ops.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import id.go.imigrasi.mpaspor.ops.config.OpsConfig;
import id.go.imigrasi.mpaspor.ops.console.ConsoleEvent;

/**
 * Reads records of a topic back without a consumer group (nothing committed, no service's group touched): the last
 * records of each partition for the topic viewer and the dead letters, or one record at its offset for a re-drive.
 */
@ApplicationScoped
public class TopicReader {

    private static final Duration READ_FOR = Duration.ofSeconds(5);

    private final KafkaClients kafka;
    private final OpsConfig config;

    public TopicReader(KafkaClients kafka, OpsConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    /** Every topic on the broker (internal ones aside), sorted. */
    public Set<String> topics() {
        try {
            return new TreeSet<>(kafka.admin().listTopics().names().get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailable(e);
        }
    }

    /**
     * The newest {@code limit} records of the topic that pass the filter, newest first, among the last
     * {@code mpaspor.ops.viewer-limit} records of each partition.
     */
    public List<ConsoleEvent> last(String topic, int limit, Predicate<ConsoleEvent> filter) {
        List<ConsoleEvent> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = kafka.reader()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) {
                return out;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - config.viewerLimit()));
            }
            Instant until = Instant.now().plus(READ_FOR);
            while (Instant.now().isBefore(until) && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        ConsoleEvent event = ConsoleEvent.of(record);
                        if (filter.test(event)) {
                            out.add(event);
                        }
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new KafkaUnavailable(e);
        }
        out.sort(Comparator.comparing(ConsoleEvent::time).thenComparing(ConsoleEvent::offset).reversed());
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    /** The record at this offset, if the topic still holds it. */
    public Optional<ConsumerRecord<String, byte[]>> at(String topic, int partition, long offset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        try (KafkaConsumer<String, byte[]> consumer = kafka.reader()) {
            consumer.assign(List.of(tp));
            long begin = consumer.beginningOffsets(List.of(tp)).get(tp);
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            Instant until = Instant.now().plus(READ_FOR);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty(); // compacted away
                    }
                }
            }
            return Optional.empty();
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new KafkaUnavailable(e);
        }
    }

    /** Kafka did not answer: the page says so (503 + Retry-After), never a 500. */
    public static final class KafkaUnavailable extends RuntimeException {
        public KafkaUnavailable(Throwable cause) {
            super("Kafka unavailable: " + cause.getMessage(), cause);
        }
    }
}
