package id.go.imigrasi.mpaspor.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.platform.support.Rows;
import id.go.imigrasi.mpaspor.testkit.KafkaBroker;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The relay under adversity: a broker that goes away and comes back, and two relays racing over one outbox.
 * The application's own relay is off here; each test runs relays of its own against the real database.
 */
@QuarkusTest
@TestProfile(OutboxRelayTest.OwnRelaysOnly.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "platform_relay"))
class OutboxRelayTest {

    public static class OwnRelaysOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.outbox.relay.enabled", "false");
        }
    }

    @Inject
    AgroalDataSource db;

    private OutboxRelay relay(String name, String bootstrapServers, SimpleMeterRegistry registry) {
        // short timeouts so an outage is noticed quickly; a little linger so rounds take long enough to overlap
        Map<String, String> producerSettings = Map.of("delivery.timeout.ms", "8000", "request.timeout.ms", "2000",
                "max.block.ms", "2000", "linger.ms", "20");
        return new OutboxRelay(name, db, () -> OutboxProducers.create(bootstrapServers, name, producerSettings),
                new OutboxRelay.Settings(20, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(1)),
                new OutboxMetrics(registry));
    }

    /** Commits one transaction with one event per key; payload carries the per-key sequence number. */
    private List<String> commit(String topic, List<String> keys, int n) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (String key : keys) {
                ids.add(insert(c, topic, key, n));
            }
            c.commit();
        }
        return ids;
    }

    /** Writes one event of {@code key} in the connection's transaction; returns its id. */
    private static String insert(Connection c, String topic, String key, int n) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox "
                + "(id, aggregate_id, type, topic, source, payload) VALUES (?::uuid, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, key);
            insert.setString(3, "mpaspor.test.Sequenced.v1");
            insert.setString(4, topic);
            insert.setString(5, "/mpaspor/platform-test");
            insert.setString(6, "{\"key\":\"" + key + "\",\"n\":" + n + "}");
            insert.executeUpdate();
        }
        return id;
    }

    private static List<String> keys(String prefix, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(prefix + "-" + i);
        }
        return keys;
    }

    private static int sequenceOf(ConsumerRecord<String, CloudEvent> record) {
        String data = new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
        return Integer.parseInt(data.replaceAll(".*\"n\":(\\d+).*", "$1"));
    }

    @Test
    void eventsCommittedWhileKafkaIsDownArePublishedExactlyOnceWhenItReturns() throws Exception {
        String topic = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaBroker broker = KafkaBroker.startNew();
                OutboxRelay relay = relay("outage", broker.bootstrapServers(), registry)) {
            KafkaBroker.createTopic(broker.bootstrapServers(), topic, 3);
            relay.start();
            List<String> keys = keys("booking", 4);
            List<String> ids = new ArrayList<>(commit(topic, keys, 0));
            try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(broker.bootstrapServers(), topic)) {
                probe.awaitCount(r -> true, ids.size(), Duration.ofSeconds(20));
            }

            broker.stop();
            for (int n = 1; n <= 5; n++) {
                ids.addAll(commit(topic, keys, n));
            }
            // the relay is waiting for the broker (a round in flight, or failed rounds in backoff)
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> registry.counter("mpaspor.outbox.publish.failures").count() >= 1
                            || registry.get("mpaspor.outbox.inflight.seconds").gauge().value() >= 3);
            assertThat(Rows.count(db, "SELECT count(*) FROM outbox WHERE topic = ? AND sent_at IS NULL", topic))
                    .as("nothing is marked sent while the broker is down").isEqualTo(20);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(registry.get("mpaspor.outbox.pending").gauge().value()).as("backlog gauge").isEqualTo(20);
                assertThat(registry.get("mpaspor.outbox.lag.seconds").gauge().value()).as("lag gauge").isPositive();
            });

            broker.start();
            try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(broker.bootstrapServers(), topic)) {
                probe.awaitCount(r -> true, ids.size(), Duration.ofSeconds(60));
                List<ConsumerRecord<String, CloudEvent>> all = probe.readFor(Duration.ofSeconds(2), r -> true);
                Map<String, Long> copies = all.stream()
                        .collect(Collectors.groupingBy(r -> r.value().getId(), Collectors.counting()));
                assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(copies.values()).as("every event exactly once").allMatch(count -> count == 1);
                assertOrderedPerKey(all);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> Rows.count(db,
                    "SELECT count(*) FROM outbox WHERE topic = ? AND sent_at IS NULL", topic) == 0);
        }
    }

    /**
     * Issue 25, Faults 2: a broker frozen (SIGSTOP) while a round is in flight holds the produce requests the
     * relay already wrote to its socket, and appends them when it resumes. A relay that gave up on those records
     * and sent them again beside the delivered ones published them twice. Frozen here for longer than the
     * producer's delivery timeout: every outbox row must still be on the partition exactly once, and the row must
     * say when Kafka acknowledged it, at which partition and offset.
     */
    @Test
    void aBrokerFrozenMidRoundStillGetsEveryEventExactlyOnceAndTheRowRecordsTheAcknowledgement() throws Exception {
        String topic = "freeze-" + UUID.randomUUID().toString().substring(0, 8);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaBroker broker = KafkaBroker.startNew();
                OutboxRelay relay = relay("freeze", broker.bootstrapServers(), registry)) {
            KafkaBroker.createTopic(broker.bootstrapServers(), topic, 1);
            relay.start();
            List<String> keys = keys("hold", 10);
            List<String> ids = new ArrayList<>(commit(topic, keys, 0));
            try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(broker.bootstrapServers(), topic)) {
                probe.awaitCount(r -> true, ids.size(), Duration.ofSeconds(20)); // connected, metadata known
            }

            broker.freeze();
            Instant thawedAt;
            try {
                for (int n = 1; n <= 3; n++) {
                    ids.addAll(commit(topic, keys, n)); // the relay claims these and sends them into the frozen broker
                }
                // longer than the producer's delivery timeout (8 s): nothing may be marked sent meanwhile
                await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).until(() -> Rows.count(db,
                        "SELECT count(*) FROM outbox WHERE topic = ? AND sent_at IS NULL", topic) == 30);
                assertThat(registry.get("mpaspor.outbox.inflight.seconds").gauge().value())
                        .as("ops see the relay waiting for Kafka's acks").isGreaterThanOrEqualTo(5);
            } finally {
                thawedAt = Instant.now();
                broker.thaw();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> Rows.count(db,
                    "SELECT count(*) FROM outbox WHERE topic = ? AND sent_at IS NULL", topic) == 0);
            try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(broker.bootstrapServers(), topic)) {
                probe.awaitCount(r -> true, ids.size(), Duration.ofSeconds(30));
                // long enough for anything the broker still held to land
                List<ConsumerRecord<String, CloudEvent>> all = probe.readFor(Duration.ofSeconds(5), r -> true);
                Map<String, Long> copies = all.stream()
                        .collect(Collectors.groupingBy(r -> r.value().getId(), Collectors.counting()));
                assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(all.size()).as("records on the partition, one per outbox row (copies: %s)",
                        copies.values().stream().filter(n -> n > 1).count()).isEqualTo(ids.size());
                assertOrderedPerKey(all);
                for (ConsumerRecord<String, CloudEvent> record : all) {
                    assertThat(Rows.count(db, "SELECT count(*) FROM outbox WHERE id = ?::uuid"
                            + " AND kafka_partition = ? AND kafka_offset = ?", record.value().getId(),
                            record.partition(), record.offset()))
                            .as("the row of %s names its partition and offset", record.value().getId()).isOne();
                }
            }
            assertThat(Rows.count(db, "SELECT count(*) FROM outbox WHERE topic = ? AND payload NOT LIKE '%\"n\":0}'"
                    + " AND acked_at < ?", topic, java.sql.Timestamp.from(thawedAt)))
                    .as("rows sent into the frozen broker were acknowledged after it resumed, and say so").isZero();
            assertThat(Rows.count(db, "SELECT count(*) FROM outbox WHERE topic = ? AND acked_at IS NULL", topic))
                    .isZero();
        }
    }

    @Test
    void twoRelaysPublishEveryEventOnceAndInOrderPerAggregate() throws Exception {
        String bootstrap = KafkaBroker.sharedBootstrapServers();
        String topic = newTopic(bootstrap, "ordering", 3);
        SimpleMeterRegistry registryA = new SimpleMeterRegistry();
        SimpleMeterRegistry registryB = new SimpleMeterRegistry();
        List<String> ids = new ArrayList<>();
        try (OutboxRelay a = relay("relay-a", bootstrap, registryA); OutboxRelay b = relay("relay-b", bootstrap, registryB);
                TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(bootstrap, topic)) {
            // a backlog first (as after an outage or a burst), then both relays race over it
            List<String> keys = keys("application", 50);
            for (int n = 0; n < 16; n++) {
                ids.addAll(commit(topic, keys, n));
            }
            a.start();
            b.start();
            for (int n = 16; n < 20; n++) {
                ids.addAll(commit(topic, keys, n)); // and more committed while they run
            }
            // On a loaded machine relay A can drain the whole backlog before relay B has its producer; then keep
            // committing while both run, so the race this test is about happens (bounded: B must join in 30 s).
            java.util.concurrent.atomic.AtomicInteger round = new java.util.concurrent.atomic.AtomicInteger(20);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                if (registryB.counter("mpaspor.outbox.published").count() > 0) {
                    return true;
                }
                ids.addAll(commit(topic, keys, round.getAndIncrement()));
                return false;
            });
            probe.awaitCount(r -> true, ids.size(), Duration.ofSeconds(60));
            List<ConsumerRecord<String, CloudEvent>> all = probe.readFor(Duration.ofSeconds(2), r -> true);

            Map<String, Long> copies = all.stream()
                    .collect(Collectors.groupingBy(r -> r.value().getId(), Collectors.counting()));
            assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(copies.values()).as("every event exactly once").allMatch(count -> count == 1);
            assertOrderedPerKey(all);
            double byA = registryA.counter("mpaspor.outbox.published").count();
            double byB = registryB.counter("mpaspor.outbox.published").count();
            assertThat(byA + byB).isEqualTo(ids.size());
            assertThat(byA).as("relay A took part").isPositive();
            assertThat(byB).as("relay B took part").isPositive();
        }
    }

    @Test
    void onlyTheFirstEventOfABacklogNotifiesSoThatBusyCommitsAreNotSerialised() throws Exception {
        String topic = "notify-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection listener = db.getConnection()) {
            listener.setAutoCommit(true);
            try (var st = listener.createStatement()) {
                st.execute("LISTEN " + OutboxRelay.CHANNEL);
            }
            org.postgresql.PGConnection pg = listener.unwrap(org.postgresql.PGConnection.class);
            pg.getNotifications(1); // drain anything earlier tests left

            commit(topic, List.of("first"), 0);
            assertThat(pg.getNotifications(5_000)).as("empty to non-empty notifies").isNotNull().isNotEmpty();

            commit(topic, List.of("second"), 0);
            commit(topic, List.of("third"), 0);
            var later = pg.getNotifications(1_000);
            assertThat(later == null ? 0 : later.length).as("commits onto a backlog do not notify").isZero();
        } finally {
            try (Connection c = db.getConnection(); var st = c.prepareStatement("DELETE FROM outbox WHERE topic = ?")) {
                st.setString(1, topic);
                st.executeUpdate();
            }
        }
    }

    /**
     * A relay that has just published and finds nothing more looks again with one query (no claim transaction) and
     * ever less often, its hot-poll interval doubling up to its cap, and a commit that notifies wakes it at once. It
     * used to look every 10 ms with a claim transaction and a second query: two connections and four statements a
     * look, ~100 looks a second after each event, half of every statement the stack ran during a journey
     * (load/README.md, session 32).
     */
    @Test
    void aRelayWithNothingMoreToSendLooksSeldomAndCheaply() throws Exception {
        String bootstrap = KafkaBroker.sharedBootstrapServers();
        String topic = newTopic(bootstrap, "quiet", 1);
        AtomicInteger connections = new AtomicInteger();
        try (OutboxRelay relay = hotRelay("quiet", counting(db, connections), bootstrap);
                TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(bootstrap, topic)) {
            relay.start();
            commit(topic, List.of("first"), 0);
            probe.awaitCount(r -> true, 1, Duration.ofSeconds(20));

            // the second after an event is the relay's hot window: the old loop took 164 connections in it
            int before = connections.get();
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
            assertThat(connections.get() - before).as("connections taken in the second after an event")
                    .isLessThan(40);

            // a commit onto an empty backlog notifies, and the waiting relay publishes it at once (not at the cap)
            commit(topic, List.of("second"), 0);
            probe.awaitCount(r -> true, 2, Duration.ofSeconds(20));
        }
    }

    /**
     * The case the hot window exists for: a transaction that wrote its event while another was pending does not
     * notify, and commits after the relay has drained the backlog. The relay, still in its hot window, finds it
     * within its capped interval, long before the poll interval (30 s here).
     */
    @Test
    void anEventCommittedOntoABacklogThatWasDrainedMeanwhileIsStillFoundInTheHotWindow() throws Exception {
        String bootstrap = KafkaBroker.sharedBootstrapServers();
        String topic = newTopic(bootstrap, "late", 1);
        try (OutboxRelay relay = hotRelay("late", db, bootstrap);
                TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(bootstrap, topic);
                Connection late = db.getConnection()) {
            commit(topic, List.of("pending"), 0);
            late.setAutoCommit(false);
            insert(late, topic, "late", 0); // a pending row precedes it: no notification
            relay.start();
            probe.awaitCount(r -> true, 1, Duration.ofSeconds(20));
            late.commit();
            probe.awaitCount(r -> true, 2, Duration.ofSeconds(5));
        }
    }

    /** A topic of its own for one test, on the shared broker. */
    private static String newTopic(String bootstrap, String prefix, int partitions) throws Exception {
        String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaBroker.createTopic(bootstrap, topic, partitions);
        return topic;
    }

    /** A relay with the platform's hot polling (10 ms, doubling up to 100 ms) and a safety-net poll of 30 s. */
    private OutboxRelay hotRelay(String name, javax.sql.DataSource dataSource, String bootstrap) {
        return new OutboxRelay(name, dataSource, () -> OutboxProducers.create(bootstrap, name, Map.of()),
                new OutboxRelay.Settings(20, Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofMillis(10), Duration.ofMillis(100)),
                new OutboxMetrics(new SimpleMeterRegistry()));
    }

    /** The data source, counting the connections taken from it. */
    private static javax.sql.DataSource counting(javax.sql.DataSource target, AtomicInteger connections) {
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(OutboxRelayTest.class.getClassLoader(),
                new Class<?>[] { javax.sql.DataSource.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void assertOrderedPerKey(List<ConsumerRecord<String, CloudEvent>> records) {
        Map<String, List<Integer>> perKey = new HashMap<>();
        for (ConsumerRecord<String, CloudEvent> r : records) {
            perKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(sequenceOf(r));
        }
        perKey.forEach((key, sequence) -> assertThat(sequence).as("order of " + key).isSorted());
    }
}
