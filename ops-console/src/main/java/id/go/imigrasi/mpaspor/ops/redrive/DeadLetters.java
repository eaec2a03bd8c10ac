package id.go.imigrasi.mpaspor.ops.redrive;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.go.imigrasi.mpaspor.ops.Operator;
import id.go.imigrasi.mpaspor.ops.OpsProblem;
import id.go.imigrasi.mpaspor.ops.config.OpsConfig;
import id.go.imigrasi.mpaspor.ops.console.ConsoleEvent;
import id.go.imigrasi.mpaspor.ops.kafka.KafkaClients;
import id.go.imigrasi.mpaspor.ops.kafka.TopicReader;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/**
 * The dead-letter topics ({@code <consumer>.<topic>.dlt}, or {@code <consumer>.<channel>.dlt} for a channel of
 * several topics: a consumer parked there what it could not apply, with {@code dead-letter-reason}, {@code -cause},
 * {@code -topic}, {@code -partition} and {@code -offset} headers) and the re-drive of their records to the original
 * topic, which the {@code dead-letter-topic} header names.
 * <p>
 * A re-drive sends the record's key, value and CloudEvents headers unchanged (the {@code dead-letter-*} headers
 * left out) to the topic it came from, waits for Kafka's acknowledgement, then in one database transaction records
 * it in {@code redrive} and publishes {@code mpaspor.ops.DeadLetterRedriven.v1} on {@code ops.events} (acknowledged
 * before the commit). The CloudEvents id is unchanged, so every consumer's inbox that applied it already skips it
 * and only the consumer that failed applies it. Should the console stop between the send and the commit, the record
 * was re-driven without its row; re-driving it again is harmless for the same reason.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String EVENT_TYPE = "mpaspor.ops.DeadLetterRedriven.v1";

    public record DeadLetter(ConsoleEvent record, String reason, String cause, String originalTopic,
            String originalPartition, String originalOffset, boolean redriven) {
        public String ref() {
            return record.topic() + "/" + record.partition() + "/" + record.offset();
        }
    }

    private final TopicReader reader;
    private final KafkaClients kafka;
    private final RedriveLog log;
    private final OpsConfig config;
    private final Clock clock;

    public DeadLetters(TopicReader reader, KafkaClients kafka, RedriveLog log, OpsConfig config, Clock clock) {
        this.reader = reader;
        this.kafka = kafka;
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    public List<String> topics() {
        return reader.topics().stream().filter(this::isDeadLetterTopic).toList();
    }

    public boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(config.deadLetterSuffix());
    }

    /** The records of one dead-letter topic, newest first, each marked when it was re-driven already. */
    public List<DeadLetter> records(String topic) {
        requireDeadLetterTopic(topic);
        Set<String> redriven = log.redriven(topic);
        List<DeadLetter> out = new ArrayList<>();
        for (ConsoleEvent e : reader.last(topic, config.viewerLimit(), x -> true)) {
            Map<String, String> h = e.headers();
            out.add(new DeadLetter(e, h.get("dead-letter-reason"), h.get("dead-letter-cause"), h.get("dead-letter-topic"),
                    h.get("dead-letter-partition"), h.get("dead-letter-offset"),
                    redriven.contains(e.topic() + "/" + e.partition() + "/" + e.offset())));
        }
        return out;
    }

    /** Re-drives one dead letter to the topic it came from, and records it. */
    public Redrive redrive(String topic, int partition, long offset, Operator who) {
        requireDeadLetterTopic(topic);
        ConsumerRecord<String, byte[]> record = reader.at(topic, partition, offset)
                .orElseThrow(() -> ProblemException.of(OpsProblem.DEAD_LETTER_NOT_FOUND, topic, partition, offset));
        return redrive(record, who);
    }

    /** Re-drives every dead letter of the topic not re-driven yet, oldest first. */
    public List<Redrive> redriveAll(String topic, Operator who) {
        List<DeadLetter> pending = new ArrayList<>(records(topic).stream().filter(d -> !d.redriven()).toList());
        java.util.Collections.reverse(pending);
        List<Redrive> done = new ArrayList<>();
        for (DeadLetter d : pending) {
            done.add(redrive(topic, d.record().partition(), d.record().offset(), who));
        }
        return done;
    }

    private Redrive redrive(ConsumerRecord<String, byte[]> record, Operator who) {
        String target = header(record, "dead-letter-topic");
        if (target == null || target.isBlank() || isDeadLetterTopic(target)) {
            throw ProblemException.of(OpsProblem.DEAD_LETTER_WITHOUT_ORIGIN, record.topic(), record.partition(),
                    record.offset());
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                headers.add(h.key(), h.value());
            }
        }
        RecordMetadata sent = send(new ProducerRecord<>(target, null, record.key(), record.value(), headers));
        Instant now = clock.instant();
        Redrive redrive = new Redrive(UUID.randomUUID(), record.topic(), record.partition(), record.offset(), target,
                sent.partition(), sent.offset(), header(record, "ce_id"), header(record, "ce_type"), record.key(),
                header(record, "dead-letter-reason"), who.accountId(), who.email(), now);
        try (Connection c = log.connection()) {
            c.setAutoCommit(false);
            try {
                log.insert(c, redrive);
                send(audit(redrive));
                c.commit();
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the re-drive of " + redrive.deadLetterTopic() + "/"
                    + redrive.deadLetterPartition() + "/" + redrive.deadLetterOffset() + " was sent but not recorded", e);
        }
        LOG.infof("dead letter %s/%d/%d (event %s) re-driven to %s/%d/%d by %s", record.topic(), record.partition(),
                record.offset(), redrive.eventId(), target, sent.partition(), sent.offset(), who.accountId());
        return redrive;
    }

    private ProducerRecord<String, byte[]> audit(Redrive r) {
        ObjectNode data = JSON.createObjectNode();
        data.put("redriveId", r.id().toString());
        data.put("deadLetterTopic", r.deadLetterTopic());
        data.put("deadLetterPartition", r.deadLetterPartition());
        data.put("deadLetterOffset", r.deadLetterOffset());
        data.put("targetTopic", r.targetTopic());
        data.put("targetPartition", r.targetPartition());
        data.put("targetOffset", r.targetOffset());
        data.put("eventId", r.eventId());
        data.put("eventType", r.eventType());
        data.put("reason", r.reason());
        data.put("redrivenBy", r.redrivenBy());
        data.put("redrivenAt", r.redrivenAt().toString());
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_source", bytes("/mpaspor/ops-console"));
        headers.add("ce_type", bytes(EVENT_TYPE));
        headers.add("ce_subject", bytes(r.id().toString()));
        headers.add("ce_time", bytes(r.redrivenAt().toString()));
        headers.add("content-type", bytes("application/json"));
        try {
            return new ProducerRecord<>(config.auditTopic(), null, r.id().toString(), JSON.writeValueAsBytes(data), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return kafka.producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicReader.KafkaUnavailable(e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new TopicReader.KafkaUnavailable(e);
        }
    }

    private void requireDeadLetterTopic(String topic) {
        if (topic == null || !isDeadLetterTopic(topic) || !topic.matches("[A-Za-z0-9._-]{1,249}")) {
            throw ProblemException.invalid("topic", "dead-letter-topic");
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** For the page: the headers of a dead letter in the order they came. */
    public static Map<String, String> deadLetterHeaders(ConsoleEvent e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.headers().forEach((k, v) -> {
            if (k.startsWith("dead-letter-")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
