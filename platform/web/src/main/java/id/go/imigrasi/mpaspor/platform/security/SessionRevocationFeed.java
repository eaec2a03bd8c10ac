package id.go.imigrasi.mpaspor.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.account.RefreshTokenReused;
import id.go.imigrasi.mpaspor.contracts.account.SessionRevoked;
import io.quarkus.runtime.Startup;

/**
 * Feeds {@link RevokedSessions} from {@code account.events}, the source of truth every instance reads whole: a
 * plain consumer without a group (each instance sees every partition), starting {@code retention} back in time so
 * a restarted instance knows the sessions revoked while it was away, then following the topic. Only
 * {@code SessionRevoked} and {@code RefreshTokenReused} (whose session account-service revokes as well) are read;
 * each is kept until {@code revokedAt + retention} (the access-token lifetime plus clock skew), when no token of that
 * session can be valid any more. In every service (platform-web) and in the gateway, which has no other Kafka.
 * Disable with {@code mpaspor.sessions.revocation.enabled=false}.
 */
@Startup
@ApplicationScoped
public class SessionRevocationFeed {

    private static final Logger LOG = Logger.getLogger(SessionRevocationFeed.class);
    private static final String TOPIC = EventTypes.topic(SessionRevoked.class);
    private static final String REVOKED = EventTypes.ceType(SessionRevoked.class);
    private static final String REUSED = EventTypes.ceType(RefreshTokenReused.class);

    private final RevokedSessions revoked;
    private final ObjectMapper json;
    private final Duration retention;
    private final Thread thread;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;
    private volatile boolean caughtUp;

    public SessionRevocationFeed(RevokedSessions revoked, ObjectMapper json,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092") String bootstrap,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "mpaspor") String application,
            @ConfigProperty(name = "mpaspor.sessions.revocation.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "mpaspor.sessions.revocation.retention", defaultValue = "PT16M") Duration retention) {
        this.revoked = revoked;
        this.json = json;
        this.retention = retention;
        if (!enabled) {
            this.thread = null;
            return;
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, application + "-revoked-sessions-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.thread = new Thread(() -> run(props), "revoked-sessions-feed");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Whether the feed has read the topic up to where it was when it started (or it is disabled). */
    public boolean caughtUp() {
        return thread == null || caughtUp;
    }

    private void run(Properties props) {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(props)) {
                consumer = kafka;
                if (!assign(kafka, TOPIC)) {
                    pause(Duration.ofSeconds(2));
                    continue;
                }
                while (running) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                    caughtUp = true;
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("revoked-session feed: %s; reconnecting", e.toString());
                pause(Duration.ofSeconds(2));
            }
        }
    }

    /**
     * Every partition of {@code topic}, each from {@code retention} ago or, where nothing is that recent, from the end
     * as it is now: the end is read here, not left to {@code seekToEnd}, which the consumer resolves only at its first
     * poll and so would skip a revocation published in between (seen in CI: a session revoked while an instance
     * started stayed valid at that instance). False while the topic does not exist.
     */
    boolean assign(KafkaConsumer<String, String> kafka, String topic) {
        List<PartitionInfo> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(10));
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> all = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        kafka.assign(all);
        Map<TopicPartition, Long> ends = kafka.endOffsets(all, Duration.ofSeconds(10));
        long since = Instant.now().minus(retention).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        all.forEach(tp -> query.put(tp, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(query, Duration.ofSeconds(10));
        for (TopicPartition tp : all) {
            OffsetAndTimestamp at = offsets.get(tp);
            kafka.seek(tp, at == null ? ends.get(tp) : at.offset());
        }
        return true;
    }

    void apply(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_type");
        String type = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        if (!(REVOKED.equals(type) || REUSED.equals(type)) || record.value() == null) {
            return;
        }
        try {
            JsonNode event = json.readTree(record.value());
            String sid = event.path("sessionId").asText(null);
            JsonNode when = event.path(REVOKED.equals(type) ? "revokedAt" : "detectedAt");
            Instant at = when.isNumber() ? Instant.ofEpochMilli((long) (when.asDouble() * 1000))
                    : when.isTextual() ? Instant.parse(when.asText()) : Instant.ofEpochMilli(record.timestamp());
            revoked.revoke(sid, at.plus(retention));
        } catch (Exception e) {
            LOG.warnf("revoked-session feed: unreadable %s at %s-%d@%d: %s", type, record.topic(),
                    record.partition(), record.offset(), e.getMessage());
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<String, String> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
