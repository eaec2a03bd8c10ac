package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.count;
import static id.go.imigrasi.mpaspor.quota.support.Quota.held;
import static id.go.imigrasi.mpaspor.quota.support.Quota.holdJson;
import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.platform.outbox.OutboxRow;
import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import id.go.imigrasi.mpaspor.quota.repository.SlotTaker;
import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * Holds spread over many slots share statements (one commit for the holds of several slots), and sharing never
 * costs a guarantee: each slot fills exactly to its capacity, batches over the same slots in any order never
 * deadlock, and a NIK refused inside a shared statement gets its own answer while the other holds succeed.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class HoldSpreadTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/holds")
    URI holds;

    @TestHTTPResource("/q/metrics")
    URI metricsUri;

    @ConfigProperty(name = "mpaspor.quota.combiner.max-statements")
    int maxStatements;

    @Inject
    SlotTaker taker;

    @Test
    void concurrentHoldsOnManySlotsShareStatementsAndFillEachSlotExactly() {
        LocalDate from = weekday(60);
        LocalDate to = from.plusDays(9);
        List<String> offices = List.of("PDG", "PKU");
        List<String> sessions = List.of("MORNING", "AFTERNOON");
        for (String office : offices) {
            Quota.rules(office, 5, 5);
            Quota.release(office, from, to, Instant.now().minusSeconds(1)).statusCode(201);
        }
        // 2 offices x 10 days x 2 sessions = 40 slots of 5 places; 300 holds, round robin over the slots
        List<String> tokens = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int slot = i % 40;
            tokens.add(TestJwt.applicant(Quota.account()));
            bodies.add(holdJson(offices.get(slot % 2), from.plusDays(slot / 4), sessions.get(slot / 2 % 2), "REGULAR",
                    List.of(nik())));
        }
        Map<String, Double> before = metrics();
        List<HttpResponse<String>> responses = Quota.concurrently(holds, tokens, bodies);
        Map<String, Double> after = metrics();

        assertThat(byStatus(responses)).containsEntry(201, 200L).containsEntry(409, 100L);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409))
                .allMatch(r -> r.body().contains("/problems/quota-full"));
        for (String office : offices) {
            for (int day = 0; day < 10; day++) {
                for (String session : sessions) {
                    assertThat(held(office, from.plusDays(day), session)).as("%s %s %s", office, day, session)
                            .isEqualTo(5);
                }
            }
        }
        assertThat(count("SELECT count(*) FROM capacity WHERE held > capacity")).isZero();
        assertThat(count("SELECT count(*) FROM hold WHERE office_code IN ('PDG', 'PKU') AND date BETWEEN ? AND ?"
                + " AND status = 'HELD'", from, to)).isEqualTo(200);
        double statements = delta(before, after, "mpaspor_quota_holds_batch_size_count");
        assertThat(delta(before, after, "mpaspor_quota_holds_batch_size_sum")).isEqualTo(300);
        assertThat(300 / statements).as("holds per statement").isGreaterThan(1);
        assertThat(delta(before, after, "mpaspor_quota_holds_batch_slots_sum") / statements)
                .as("slots per statement: the holds of different slots shared commits").isGreaterThan(1);
    }

    @Test
    void batchesOverTheSameSlotsInDifferentOrdersNeverDeadlock() {
        String office = "BTM";
        LocalDate from = weekday(61);
        LocalDate to = from.plusDays(4);
        Quota.rules(office, 30, 30);
        Quota.release(office, from, to, Instant.now().minusSeconds(1)).statusCode(201);
        List<SlotTaker.Slot> slots = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            for (DaySession session : DaySession.values()) {
                slots.add(new SlotTaker.Slot(office, from.plusDays(day), ServiceLine.REGULAR, session));
            }
        }
        // 40 statements, each with one hold on every one of the 10 slots, every statement in its own order
        Random random = new Random(6);
        List<Uni<List<SlotTaker.Taken>>> statements = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            List<SlotTaker.Slot> order = new ArrayList<>(slots);
            Collections.shuffle(order, random);
            List<SlotTaker.Request> requests = new ArrayList<>();
            Instant now = Instant.now();
            for (SlotTaker.Slot slot : order) {
                UUID id = UUID.randomUUID();
                String account = Quota.account();
                String nik = nik();
                Quota.applicants(account, List.of(nik));
                requests.add(new SlotTaker.Request(id, account, slot, PassportKind.ORDINARY, 1, nik,
                        new OutboxRow(UUID.randomUUID(), id.toString(), "mpaspor.quota.SlotHeld.v1", "quota.events",
                                "/quota-service-test", "{\"holdId\":\"" + id + "\"}", now),
                        null, null));
            }
            statements.add(taker.take(requests, now, now.plusSeconds(900)));
        }
        List<List<SlotTaker.Taken>> answers = Uni.join().all(statements).andCollectFailures()
                .await().atMost(Duration.ofSeconds(60));

        long granted = answers.stream().flatMap(List::stream).filter(SlotTaker.Taken::granted).count();
        assertThat(granted).as("all 40 statements ran (none was a deadlock victim); 30 places x 10 slots")
                .isEqualTo(300);
        assertThat(answers.stream().flatMap(List::stream)).allMatch(SlotTaker.Taken::slotBookable);
        for (SlotTaker.Slot slot : slots) {
            assertThat(held(office, slot.date(), slot.session().name())).isEqualTo(30);
        }
        assertThat(count("SELECT count(*) FROM hold WHERE office_code = ? AND status = 'HELD'", office))
                .isEqualTo(300);
        assertThat(count("SELECT count(*) FROM outbox o JOIN hold h ON o.aggregate_id = CAST(h.id AS text)"
                + " WHERE h.office_code = ?", office)).as("one SlotHeld row per hold").isEqualTo(300);
    }

    @Test
    void aNikConflictInsideASharedStatementGetsItsOwnAnswerAndTheOthersSucceed() throws Exception {
        String blocked = "BKS";
        String office = "BPN";
        LocalDate date = weekday(62);
        Quota.rules(blocked, 10, 10);
        Quota.release(blocked, date, date.plusDays(maxStatements), Instant.now().minusSeconds(1)).statusCode(201);
        Quota.rules(office, 10, 10);
        Quota.release(office, date, date.plusDays(2), Instant.now().minusSeconds(1)).statusCode(201);
        String takenNik = nik();
        Quota.held(Quota.account(), office, date, "MORNING", List.of(takenNik));

        try (Connection lock = RealInfrastructure.database().connect()) {
            // every statement of the instance busy, waiting for row locks held here: the next holds have to queue
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("SELECT 1 FROM capacity WHERE office_code = '" + blocked + "' FOR UPDATE");
            }
            List<CompletableFuture<HttpResponse<String>>> blockers = new ArrayList<>();
            for (int i = 0; i < maxStatements; i++) {
                blockers.add(post(holdJson(blocked, date.plusDays(i), "MORNING", "REGULAR", List.of(nik()))));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'") >= maxStatements);

            List<CompletableFuture<HttpResponse<String>>> shared = List.of(
                    post(holdJson(office, date.plusDays(1), "MORNING", "REGULAR", List.of(nik()))),
                    post(holdJson(office, date.plusDays(1), "AFTERNOON", "REGULAR", List.of(nik(), takenNik))),
                    post(holdJson(office, date.plusDays(2), "MORNING", "REGULAR", List.of(nik()))),
                    post(holdJson(office, date.plusDays(1), "MORNING", "REGULAR", List.of(nik(), nik()))));
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics().get("mpaspor_quota_holds_waiting") == 4);
            Map<String, Double> before = metrics();
            lock.commit();

            List<Integer> statuses = shared.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)
                    .toList();
            assertThat(statuses).containsExactly(201, 409, 201, 201);
            assertThat(shared.get(1).join().body()).contains("/problems/nik-already-held");
            assertThat(blockers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(201);
            Map<String, Double> after = metrics();
            // (the blockers' statements were counted when they started, before the snapshot)
            assertThat(delta(before, after, "mpaspor_quota_holds_batch_size_count")).as("one statement").isEqualTo(1);
            assertThat(delta(before, after, "mpaspor_quota_holds_batch_size_sum")).as("for the four holds")
                    .isEqualTo(4);
            assertThat(delta(before, after, "mpaspor_quota_holds_batch_slots_sum")).as("of three slots")
                    .isEqualTo(3);
            assertThat(delta(before, after, "mpaspor_quota_holds_batch_refused_total"))
                    .as("which the NIK index refused as a whole").isEqualTo(1);
        }
        assertThat(held(office, date.plusDays(1), "MORNING")).isEqualTo(3);
        assertThat(held(office, date.plusDays(1), "AFTERNOON")).as("the refused hold left nothing").isZero();
        assertThat(held(office, date.plusDays(2), "MORNING")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM hold_nik WHERE nik = ? AND active", takenNik)).isEqualTo(1);
    }

    /** A hold of a new account whose applicants the NIKs are. */
    private CompletableFuture<HttpResponse<String>> post(String body) {
        String token = TestJwt.applicant(Quota.account());
        Quota.applicantsOf(token, body);
        HttpRequest request = HttpRequest.newBuilder(holds).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<Integer, Long> byStatus(List<HttpResponse<String>> responses) {
        return responses.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }

    /** The service's metrics without labels or with the application label only: name -> value. */
    private Map<String, Double> metrics() {
        String text = io.restassured.RestAssured.given().get(metricsUri).then().statusCode(200).extract().asString();
        Map<String, Double> values = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("mpaspor_quota_holds_")) {
                String name = line.substring(0, line.indexOf(line.contains("{") ? '{' : ' '));
                values.merge(name, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        }
        return values;
    }
}
