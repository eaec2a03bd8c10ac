package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.count;
import static id.go.imigrasi.mpaspor.quota.support.Quota.held;
import static id.go.imigrasi.mpaspor.quota.support.Quota.holdJson;
import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The spike: far more concurrent holds than places. Capacity is never exceeded, and the anti-scalping rules (one
 * active slot per NIK, one active hold per account) hold under concurrent attempts.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class HoldConcurrencyTest {

    @TestHTTPResource("/holds")
    URI holds;

    @TestHTTPResource("/q/metrics")
    URI metricsUri;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static Map<Integer, Long> byStatus(List<HttpResponse<String>> responses) {
        return responses.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    }

    @Test
    void holdNeverExceedsCapacityUnderConcurrency() {
        String office = "BDG";
        LocalDate date = weekday(20);
        Quota.rules(office, 25, 0);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);

        int attempts = 300;
        List<String> tokens = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            tokens.add(TestJwt.applicant(Quota.account()));
            bodies.add(holdJson(office, date, "MORNING", "REGULAR", List.of(nik())));
        }
        List<HttpResponse<String>> responses = Quota.concurrently(holds, tokens, bodies);

        assertThat(byStatus(responses)).containsEntry(201, 25L).containsEntry(409, (long) attempts - 25);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409))
                .allMatch(r -> r.body().contains("/problems/quota-full"));
        assertThat(held(office, date, "MORNING")).isEqualTo(25);
        assertThat(count("SELECT count(*) FROM hold WHERE office_code = ? AND date = ? AND status = 'HELD'", office,
                date)).as("refused holds left nothing behind").isEqualTo(25);
        assertThat(count("SELECT count(*) FROM hold_nik n JOIN hold h ON h.id = n.hold_id WHERE h.office_code = ?"
                + " AND h.date = ?", office, date)).isEqualTo(25);
        List<String> ids = responses.stream().filter(r -> r.statusCode() == 201)
                .map(r -> r.body().replaceAll(".*\"holdId\":\"([^\"]+)\".*", "$1")).toList();
        try (var probe = TopicProbe.cloudEvents(kafka, "quota.events")) {
            var slotHeld = probe.awaitCount(r -> r.value().getType().equals("mpaspor.quota.SlotHeld.v1")
                    && ids.contains(r.key()), 25, Duration.ofSeconds(30));
            assertThat(slotHeld.stream().map(r -> r.key()).distinct()).hasSize(25);
        }
    }

    @Test
    void multiApplicantHoldsNeverSplitOrOverbook() {
        String office = "BGR";
        LocalDate date = weekday(21);
        List<HttpResponse<String>> responses = spike(office, date, 10, 60, i -> List.of(nik(), nik(), nik()));

        // 3 places each in 10: three holds fit, the fourth would exceed the capacity and is refused whole
        assertThat(byStatus(responses)).containsEntry(201, 3L).containsEntry(409, 57L);
        assertThat(held(office, date, "MORNING")).isEqualTo(9);
    }

    @Test
    void aNikHoldsOnlyOneSlotUnderConcurrentAttempts() {
        String office = "SMG";
        LocalDate date = weekday(22);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        String scalpedNik = nik();

        List<String> tokens = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tokens.add(TestJwt.applicant(Quota.account()));
            bodies.add(holdJson(office, date, i % 2 == 0 ? "MORNING" : "AFTERNOON", "REGULAR", List.of(scalpedNik)));
        }
        List<HttpResponse<String>> responses = Quota.concurrently(holds, tokens, bodies);

        assertThat(byStatus(responses)).containsEntry(201, 1L).containsEntry(409, 39L);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409))
                .allMatch(r -> r.body().contains("/problems/nik-already-held"));
        assertThat(count("SELECT count(*) FROM hold_nik WHERE nik = ? AND active", scalpedNik)).isEqualTo(1);
        assertThat(held(office, date, "MORNING") + held(office, date, "AFTERNOON")).isEqualTo(1);
    }

    @Test
    void anAccountHasOnlyOneActiveHoldUnderConcurrentAttempts() {
        String office = "YGY";
        LocalDate date = weekday(23);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        String token = TestJwt.applicant(Quota.account());

        List<String> tokens = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tokens.add(token);
            bodies.add(holdJson(office, date, "MORNING", "REGULAR", List.of(nik())));
        }
        List<HttpResponse<String>> responses = Quota.concurrently(holds, tokens, bodies);

        assertThat(byStatus(responses)).containsEntry(201, 1L).containsEntry(409, 29L);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409))
                .allMatch(r -> r.body().contains("/problems/active-hold-exists"));
        assertThat(held(office, date, "MORNING")).isEqualTo(1);
        assertThat(responses.stream().map(HttpResponse::statusCode).collect(Collectors.toSet()))
                .containsOnly(201, 409).as("never a 500").map(Function.identity());
    }

    @Test
    void aSlotFillsExactlyWhenFamiliesAndSinglesCompete() {
        String office = "DPK";
        LocalDate date = weekday(24);
        List<HttpResponse<String>> responses = spike(office, date, 10, 60,
                i -> i % 2 == 0 ? List.of(nik(), nik(), nik()) : List.of(nik()));

        // a single is refused only when no place is left, and a family is never split: the slot ends exactly full
        assertThat(held(office, date, "MORNING")).isEqualTo(10);
        assertThat(count("SELECT coalesce(sum(size), 0) FROM hold WHERE office_code = ? AND date = ?"
                + " AND status = 'HELD'", office, date)).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM hold_nik n JOIN hold h ON h.id = n.hold_id WHERE h.office_code = ?"
                + " AND h.date = ?", office, date)).isEqualTo(10);
        assertThat(responses.stream().map(HttpResponse::statusCode).collect(Collectors.toSet())).containsOnly(201, 409);
    }

    @Test
    void concurrentHoldsOfOneSlotShareStatementsAndCommits() {
        String office = "TGR";
        LocalDate date = weekday(25);
        double[] before = batchMetric();
        List<HttpResponse<String>> responses = spike(office, date, 200, 200, i -> List.of(nik()));

        assertThat(byStatus(responses)).containsEntry(201, 200L);
        assertThat(held(office, date, "MORNING")).isEqualTo(200);
        double[] after = batchMetric();
        assertThat(after[1] - before[1]).as("holds placed").isEqualTo(200);
        assertThat(after[0] - before[0]).as("statements (transactions) that placed them").isLessThan(200);
        List<String> ids = responses.stream()
                .map(r -> r.body().replaceAll(".*\"holdId\":\"([^\"]+)\".*", "$1")).toList();
        try (var probe = TopicProbe.cloudEvents(kafka, "quota.events")) {
            var slotHeld = probe.awaitCount(r -> r.value().getType().equals("mpaspor.quota.SlotHeld.v1")
                    && ids.contains(r.key()), 200, Duration.ofSeconds(30));
            assertThat(slotHeld.stream().map(r -> r.key()).distinct()).as("one SlotHeld per hold").hasSize(200);
        }
    }

    /** A released slot of {@code morningPlaces} and {@code attempts} concurrent holds on it, each from its own
     * account, with the NIKs {@code niks} gives for attempt i. */
    private List<HttpResponse<String>> spike(String office, LocalDate date, int morningPlaces, int attempts,
            java.util.function.IntFunction<List<String>> niks) {
        Quota.rules(office, morningPlaces, 0);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        List<String> tokens = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            tokens.add(TestJwt.applicant(Quota.account()));
            bodies.add(holdJson(office, date, "MORNING", "REGULAR", niks.apply(i)));
        }
        return Quota.concurrently(holds, tokens, bodies);
    }

    /** {count, sum} of mpaspor.quota.holds.batch.size: statements run and holds they carried. */
    private double[] batchMetric() {
        String metrics = io.restassured.RestAssured.given().get(metricsUri).then().statusCode(200).extract().asString();
        double count = 0, sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("mpaspor_quota_holds_batch_size_count")) {
                count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("mpaspor_quota_holds_batch_size_sum")) {
                sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return new double[] { count, sum };
    }
}
