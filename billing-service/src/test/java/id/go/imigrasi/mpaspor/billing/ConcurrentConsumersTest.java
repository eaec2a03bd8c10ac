package id.go.imigrasi.mpaspor.billing;

import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.adult;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.application;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.awaitBill;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.bill;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.count;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.kafka;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.newId;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.billing.events.ApplicationEventsConsumer;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * application.events is consumed by one consumer per partition, each processing on its own: an event stuck in
 * its transaction (here: waiting on a database lock) holds up only the events behind it on its own partition,
 * never the bills of applications on the other partitions. (With one merged stream, which the connector's
 * {@code partitions} attribute gives, the method is called one message at a time and every bill would wait.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "billing"))
class ConcurrentConsumersTest {

    @Test
    void aSubmissionWaitingOnTheDatabaseDoesNotHoldUpBillsOnOtherPartitions() throws Exception {
        int partitions = partitionsOf("application.events");
        assertThat(partitions).as("partitions of application.events").isGreaterThan(1);
        String account = newId("acc");
        ApplicationSubmitted stuck = application(account, adult("Budi Santoso", "ORDINARY", 5, false));
        ApplicationSubmitted other;
        do {
            other = application(account, adult("Siti Rahmawati", "ORDINARY", 5, false));
        } while (partition(other.applicationId(), partitions) == partition(stuck.applicationId(), partitions));
        String stuckEventId = UUID.randomUUID().toString();

        try (Connection lock = RealInfrastructure.database().connect()) {
            // an uncommitted inbox row with the same key: the consumer's own inbox insert waits on it
            lock.setAutoCommit(false);
            try (PreparedStatement st = lock.prepareStatement("INSERT INTO inbox (consumer, event_id, event_type, source) "
                    + "VALUES (?, ?, 'mpaspor.application.ApplicationSubmitted.v1', '/test')")) {
                st.setString(1, ApplicationEventsConsumer.CONSUMER);
                st.setString(2, stuckEventId);
                st.executeUpdate();
            }
            publish(stuck, stuckEventId);
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO inbox%'") > 0);

            publish(other);
            assertThat(awaitBill(other.applicationId()).accountId()).isEqualTo(account);
            assertThat(bill(stuck.applicationId())).as("the stuck submission's bill, still waiting").isNull();

            lock.rollback(); // the lock goes away: the waiting event is applied, nothing was lost
        }
        assertThat(awaitBill(stuck.applicationId()).accountId()).isEqualTo(account);
        assertThat(count("SELECT count(*) FROM inbox WHERE consumer = ? AND event_id = ?",
                ApplicationEventsConsumer.CONSUMER, stuckEventId)).isEqualTo(1);
    }

    /** Kafka's default partitioner for a keyed record. */
    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static int partitionsOf(String topic) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka()),
                new StringSerializer(), new StringSerializer())) {
            return producer.partitionsFor(topic).size();
        }
    }
}
