package id.go.imigrasi.mpaspor.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Consumer lag and dead-letter topic size, from the Kafka Admin API, as metrics (issue 18):
 * <ul>
 * <li>{@code mpaspor_kafka_consumer_lag{group,topic,partition}}: records on each partition that this service's
 * consumer groups have not yet committed (end offset minus committed offset), for every partition the group has
 * committed on;</li>
 * <li>{@code mpaspor_kafka_dead_letter_records{topic}}: records held in each of this service's dead-letter topics
 * ({@code mp.messaging.incoming.*.dead-letter-queue.topic}; 0 until the topic exists).</li>
 * </ul>
 * The groups are the connector's default {@code group.id} and any channel's own. Read every
 * {@code mpaspor.kafka.metrics.interval} (15 s); every instance of a service reports the same figures, so
 * dashboards take the {@code max}. A broker that does not answer leaves the last figures in place and is retried.
 */
@Startup
@ApplicationScoped
public class TopicHealthMetrics {

    private static final Logger LOG = Logger.getLogger(TopicHealthMetrics.class);
    private static final long TIMEOUT_SECONDS = 5;

    private final Set<String> groups = new TreeSet<>();
    private final Set<String> deadLetterTopics = new TreeSet<>();
    private final Map<String, AtomicLong> deadLetterRecords = new ConcurrentHashMap<>();
    private final Map<TopicPartitionOfGroup, AtomicLong> lag = new ConcurrentHashMap<>();
    private final MultiGauge lagGauge;
    private final Properties adminConfig = new Properties();
    private final boolean enabled;
    private volatile Admin admin;

    record TopicPartitionOfGroup(String group, String topic, int partition) {
    }

    public TopicHealthMetrics(Config config, MeterRegistry registry) {
        this.enabled = config.getOptionalValue("mpaspor.kafka.metrics.enabled", Boolean.class).orElse(true);
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".dead-letter-queue.topic")) {
                config.getOptionalValue(name, String.class).ifPresent(deadLetterTopics::add);
            } else if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".group.id")) {
                config.getOptionalValue(name, String.class).ifPresent(groups::add);
            }
        }
        boolean consumes = hasIncomingKafkaChannel(config);
        if (consumes) {
            config.getOptionalValue("mp.messaging.connector.smallrye-kafka.group.id", String.class)
                    .ifPresent(groups::add);
        }
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getOptionalValue("kafka.bootstrap.servers", String.class).orElse("127.0.0.1:9092"));
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG,
                config.getOptionalValue("quarkus.application.name", String.class).orElse("mpaspor") + "-topic-health");
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS * 2));
        this.lagGauge = MultiGauge.builder("mpaspor.kafka.consumer.lag")
                .description("Records on a partition that the consumer group has not yet committed")
                .register(registry);
        for (String topic : deadLetterTopics) {
            AtomicLong records = deadLetterRecords.computeIfAbsent(topic, t -> new AtomicLong());
            Gauge.builder("mpaspor.kafka.dead.letter.records", records, AtomicLong::get).strongReference(true)
                    .tag("topic", topic)
                    .description("Records held in the dead-letter topic (a consumer gave up on them)")
                    .register(registry);
        }
    }

    private static boolean hasIncomingKafkaChannel(Config config) {
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".connector")
                    && "smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse(""))) {
                return true;
            }
        }
        return false;
    }

    public Set<String> groups() {
        return Set.copyOf(groups);
    }

    public Set<String> deadLetterTopics() {
        return Set.copyOf(deadLetterTopics);
    }

    @Scheduled(every = "${mpaspor.kafka.metrics.interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (!enabled || (groups.isEmpty() && deadLetterTopics.isEmpty())) {
            return;
        }
        try {
            Admin client = admin();
            refreshLag(client);
            refreshDeadLetters(client);
        } catch (Exception e) {
            LOG.debugf("topic health: Kafka did not answer (%s); keeping the last figures", e.toString());
        }
    }

    private void refreshLag(Admin client) throws Exception {
        Map<TopicPartitionOfGroup, Long> committed = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            offsets.forEach((tp, om) -> {
                if (om != null) {
                    committed.put(new TopicPartitionOfGroup(group, tp.topic(), tp.partition()), om.offset());
                }
            });
        }
        Map<TopicPartition, Long> ends = endOffsets(client, committed.keySet().stream()
                .map(k -> new TopicPartition(k.topic(), k.partition())).distinct().toList(), OffsetSpec.latest());
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        committed.forEach((key, offset) -> {
            Long end = ends.get(new TopicPartition(key.topic(), key.partition()));
            if (end != null) {
                AtomicLong value = lag.computeIfAbsent(key, k -> new AtomicLong());
                value.set(Math.max(0, end - offset));
                rows.add(MultiGauge.Row.of(Tags.of("group", key.group(), "topic", key.topic(), "partition",
                        Integer.toString(key.partition())), value, AtomicLong::get));
            }
        });
        lagGauge.register(rows, true);
    }

    private void refreshDeadLetters(Admin client) throws Exception {
        for (String topic : deadLetterTopics) {
            List<TopicPartition> partitions = new ArrayList<>();
            try {
                TopicDescription description = client.describeTopics(List.of(topic)).allTopicNames()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
                description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    deadLetterRecords.get(topic).set(0); // nothing was ever dead-lettered there
                    continue;
                }
                throw e;
            }
            Map<TopicPartition, Long> start = endOffsets(client, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = endOffsets(client, partitions, OffsetSpec.latest());
            long records = 0;
            for (TopicPartition tp : partitions) {
                records += Math.max(0, end.getOrDefault(tp, 0L) - start.getOrDefault(tp, 0L));
            }
            deadLetterRecords.get(topic).set(records);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin client, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = client.listOffsets(request).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(adminConfig);
                }
                current = admin;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
    }
}
