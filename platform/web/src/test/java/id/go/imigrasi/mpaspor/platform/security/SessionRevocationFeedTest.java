package id.go.imigrasi.mpaspor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.account.SessionRevoked;
import id.go.imigrasi.mpaspor.testkit.KafkaBroker;

/**
 * The revoked-session feed on a real broker. Reproduced the hole CI met: on a topic with nothing revoked in the
 * retention window the feed sought "to the end" lazily, which the consumer resolved only at its first poll, so a
 * revocation published between the start and that poll was skipped and the session stayed valid at that instance.
 */
class SessionRevocationFeedTest {

    private static final String BOOTSTRAP = KafkaBroker.sharedBootstrapServers();

    private static String freshTopic() throws Exception {
        String topic = "account.events.feed-test-" + UUID.randomUUID();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        return topic;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    private static void publishRevoked(String topic, String account, String session, Instant at) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, account, "{\"accountId\":\"" + account
                    + "\",\"sessionId\":\"" + session + "\",\"reason\":\"LOGOUT\",\"revokedAt\":\"" + at + "\"}");
            record.headers().add("ce_type", EventTypes.ceType(SessionRevoked.class).getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    /** Polls what the feed's consumer reads for a few seconds, applying each record as the feed does. */
    private static void follow(SessionRevocationFeed feed, KafkaConsumer<String, String> kafka, Duration during) {
        Instant until = Instant.now().plus(during);
        while (Instant.now().isBefore(until)) {
            for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
                feed.apply(record);
            }
        }
    }

    private static SessionRevocationFeed feed(RevokedSessions revoked) {
        return new SessionRevocationFeed(revoked, new ObjectMapper(), BOOTSTRAP, "feed-test", false,
                Duration.ofMinutes(16));
    }

    @Test
    void aRevocationPublishedWhileTheFeedStartsIsNotSkipped() throws Exception {
        String topic = freshTopic();
        RevokedSessions revoked = new RevokedSessions();
        SessionRevocationFeed feed = feed(revoked);
        String session = UUID.randomUUID().toString();
        try (KafkaConsumer<String, String> kafka = consumer()) {
            assertThat(feed.assign(kafka, topic)).isTrue();
            // between the feed's start and its first poll
            publishRevoked(topic, UUID.randomUUID().toString(), session, Instant.now());
            follow(feed, kafka, Duration.ofSeconds(3));
        }
        assertThat(revoked.isRevoked(session)).as("revoked while the feed started").isTrue();
    }

    @Test
    void aRestartedInstanceKnowsTheSessionsRevokedWithinTheRetentionButNotOlderOnes() throws Exception {
        String topic = freshTopic();
        String recent = UUID.randomUUID().toString();
        publishRevoked(topic, UUID.randomUUID().toString(), recent, Instant.now().minusSeconds(60));
        RevokedSessions revoked = new RevokedSessions();
        SessionRevocationFeed feed = feed(revoked);
        try (KafkaConsumer<String, String> kafka = consumer()) {
            assertThat(feed.assign(kafka, topic)).isTrue();
            follow(feed, kafka, Duration.ofSeconds(3));
        }
        assertThat(revoked.isRevoked(recent)).as("revoked a minute before the start").isTrue();
        assertThat(revoked.isRevoked(UUID.randomUUID().toString())).isFalse();
    }

    @Test
    void aTopicThatDoesNotExistYetIsWaitedFor() {
        SessionRevocationFeed feed = feed(new RevokedSessions());
        try (KafkaConsumer<String, String> kafka = consumer()) {
            assertThat(feed.assign(kafka, "account.events.absent-" + UUID.randomUUID())).isFalse();
        }
    }
}
