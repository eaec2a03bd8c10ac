package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.count;
import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.value;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import id.go.imigrasi.mpaspor.contracts.application.CollectiveBatchRegistered;
import id.go.imigrasi.mpaspor.contracts.application.CollectiveMember;
import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The collective service (issue 19) from quota-service's side, application-service and billing played on their
 * topics: a registered batch takes its places from the PRIORITY_WALK_IN line only, all or none, once, and each
 * member's hold then lives as any hold (billed, paid, confirmed).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class CollectiveHoldsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String APPLICATION = "/mpaspor/application-service";
    private static final String REGISTERED = "mpaspor.application.CollectiveBatchRegistered.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private TopicProbe<CloudEvent> quotaEvents;

    @BeforeEach
    void probe() {
        quotaEvents = TopicProbe.cloudEvents(kafka, "quota.events");
    }

    @AfterEach
    void close() {
        quotaEvents.close();
    }

    /**
     * {@code walkIn} PRIORITY_WALK_IN places in the morning of {@code date}, released. The office's rules stay as
     * other tests left them (rules are per office): the release creates the day's rows if they are missing, then the
     * day's walk-in row alone is set, a line and a date no other test books.
     */
    private static void walkInPlaces(String office, LocalDate date, int walkIn) {
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        assertThat(Quota.execute("UPDATE capacity SET capacity = ?, held = 0, closed = false, e_passport_closed = false,"
                + " release_at = now() - interval '1 minute' WHERE office_code = ? AND date = ?"
                + " AND service = 'PRIORITY_WALK_IN' AND session = 'MORNING'", walkIn, office, date)).isOne();
    }

    private static int held(String office, LocalDate date, String service) {
        return ((Number) value("SELECT held FROM capacity WHERE office_code = ? AND date = ? AND service = ?"
                + " AND session = 'MORNING'", office, date, service)).intValue();
    }

    private static CollectiveBatchRegistered batch(String office, LocalDate date, int size) {
        List<CollectiveMember> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(new CollectiveMember(UUID.randomUUID().toString(), nik()));
        }
        return new CollectiveBatchRegistered(UUID.randomUUID().toString(), office, "officer-" + UUID.randomUUID(),
                date, "MORNING", "ORDINARY", members, Instant.now());
    }

    private void publish(CollectiveBatchRegistered event, String eventId) throws Exception {
        Quota.publish(kafka, "application.events", eventId, APPLICATION, REGISTERED, event.batchId(),
                JSON.writeValueAsString(event));
    }

    private static JsonNode data(ConsumerRecord<String, CloudEvent> record) throws Exception {
        return JSON.readTree(Quota.data(record.value()));
    }

    @Test
    void aBatchOfTenTakesTenWalkInPlacesOnceAndEachMemberGetsAHold() throws Exception {
        String office = "BKL";
        LocalDate date = weekday(44);
        walkInPlaces(office, date, 12);
        CollectiveBatchRegistered batch = batch(office, date, 10);
        Set<String> accounts = new HashSet<>();
        batch.members().forEach(m -> accounts.add(m.applicationId()));
        String eventId = UUID.randomUUID().toString();
        publish(batch, eventId);

        var holds = quotaEvents.awaitCount(r -> r.value().getType().equals("mpaspor.quota.SlotHeld.v1")
                && accounts.contains(Quota.data(r.value()).replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1")), 10,
                Duration.ofSeconds(30));
        Set<String> holdAccounts = new HashSet<>();
        for (var h : holds) {
            JsonNode e = data(h);
            holdAccounts.add(e.get("accountId").asText());
            assertThat(e.get("service").asText()).isEqualTo("PRIORITY_WALK_IN");
            assertThat(e.get("officeCode").asText()).isEqualTo(office);
            assertThat(e.get("date").asText()).isEqualTo(date.toString());
            assertThat(e.get("niks")).hasSize(1);
            assertThat(h.key()).isEqualTo(e.get("holdId").asText());
        }
        assertThat(holdAccounts).isEqualTo(accounts);
        assertThat(held(office, date, "PRIORITY_WALK_IN")).isEqualTo(10);
        assertThat(held(office, date, "REGULAR")).as("online places untouched").isZero();
        assertThat(held(office, date, "SAME_DAY")).as("online places untouched").isZero();
        assertThat(count("SELECT count(*) FROM hold WHERE office_code = ? AND date = ? AND service = 'PRIORITY_WALK_IN'"
                + " AND status = 'HELD'", office, date)).isEqualTo(10);

        // redelivered (same event id) and repeated (another id): the places are taken once
        publish(batch, eventId);
        String repeat = UUID.randomUUID().toString();
        publish(batch, repeat);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM inbox WHERE event_id = ?",
                repeat) == 1);
        assertThat(held(office, date, "PRIORITY_WALK_IN")).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM hold WHERE office_code = ? AND date = ?", office, date)).isEqualTo(10);

        // a member's hold lives as any: billed, paid, confirmed into a booking
        JsonNode first = data(holds.get(0));
        String holdId = first.get("holdId").asText();
        String applicationId = first.get("accountId").asText();
        Quota.publish(kafka, "billing.events", UUID.randomUUID().toString(), "/mpaspor/billing-service",
                "mpaspor.billing.BillingPaid.v1", applicationId, "{\"applicationId\":\"" + applicationId
                        + "\",\"holdId\":\"" + holdId + "\",\"billingCode\":\"820261121000009\",\"amount\":350000,"
                        + "\"channel\":\"INDOMARET\",\"ntpn\":\"NTPN0009\",\"paidAt\":\"" + Instant.now() + "\"}");
        var confirmed = quotaEvents.await(r -> r.value().getType().equals("mpaspor.quota.HoldConfirmed.v1")
                && holdId.equals(r.key()), Duration.ofSeconds(30));
        assertThat(data(confirmed).get("service").asText()).isEqualTo("PRIORITY_WALK_IN");
    }

    @Test
    void notEnoughWalkInPlacesRefusesTheBatchAndTakesNothing() throws Exception {
        String office = "JMB";
        LocalDate date = weekday(44);
        walkInPlaces(office, date, 3);
        CollectiveBatchRegistered batch = batch(office, date, 4);
        publish(batch, UUID.randomUUID().toString());

        var refused = quotaEvents.await(r -> r.value().getType().equals("mpaspor.quota.CollectiveBatchRefused.v1")
                && batch.batchId().equals(r.key()), Duration.ofSeconds(30));
        JsonNode e = data(refused);
        assertThat(e.get("reason").asText()).isEqualTo("NOT_ENOUGH_PLACES");
        assertThat(e.get("requested").asInt()).isEqualTo(4);
        assertThat(e.get("remaining").asInt()).isEqualTo(3);
        assertThat(held(office, date, "PRIORITY_WALK_IN")).isZero();
        assertThat(count("SELECT count(*) FROM hold WHERE office_code = ? AND date = ?", office, date)).isZero();

        // three fit: taken
        CollectiveBatchRegistered smaller = batch(office, date, 3);
        publish(smaller, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> held(office, date, "PRIORITY_WALK_IN") == 3);
        assertThat(count("SELECT count(*) FROM collective_batch WHERE id = CAST(? AS uuid) AND outcome = 'HELD'",
                smaller.batchId())).isOne();
    }
}
