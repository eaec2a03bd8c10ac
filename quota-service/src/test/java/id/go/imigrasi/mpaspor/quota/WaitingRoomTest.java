package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.quota.repository.WaitingRoomRepository;
import id.go.imigrasi.mpaspor.platform.waitingroom.ProofOfWork;
import id.go.imigrasi.mpaspor.platform.waitingroom.Signatures;
import id.go.imigrasi.mpaspor.platform.waitingroom.Tickets;
import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.quota.support.WaitingRoomProfile;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The waiting room of a quota release (issue 17), against the real database and Kafka: the pre-queue shuffled at
 * releaseAt then first come, first served and admitted in queue order; one place per account under concurrent joins;
 * forged, expired, other releases' and other accounts' tickets refused; the hold pass required during the window and
 * not outside it; sold out reaching everyone still waiting, by polling and by Server-Sent Events.
 */
@QuarkusTest
@TestProfile(WaitingRoomProfile.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class WaitingRoomTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    Tickets tickets;

    @Inject
    WaitingRoomRepository rooms;

    @Inject
    MeterRegistry registry;

    private long inLine(String office) {
        return rooms.inLine(Instant.now()).await().atMost(Duration.ofSeconds(10)).getOrDefault(office, 0L);
    }

    @Test
    void thePreQueueIsShuffledAtReleaseThenLaterArrivalsQueueInOrderAndAreAdmittedInQueueOrder() {
        String office = "TTE";
        LocalDate date = weekday(45);
        Quota.rules(office, 100, 0);
        try (var probe = TopicProbe.cloudEvents(kafka, "quota.events")) {
            String release = release(office, date, Instant.now().plusSeconds(3600));
            List<String> early = new ArrayList<>();
            List<String> earlyTickets = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String account = Quota.account();
                JsonNode joined = join(account, release);
                assertThat(joined.path("state").asText()).isEqualTo("PRE_QUEUE");
                assertThat(joined.path("position").isNull()).as("no position before the shuffle").isTrue();
                early.add(account);
                earlyTickets.add(joined.path("ticket").asText());
            }
            probe.await(r -> r.value().getType().equals("mpaspor.quota.QueueOpened.v1")
                    && Quota.data(r.value()).contains(release), Duration.ofSeconds(30));
            assertThat(inLine(office)).as("the pre-queue is in line").isEqualTo(12);
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.get("mpaspor.quota.waiting.room.in.line")
                    .gauge().value() >= 12);
            String drawRequest = tickets.signDrawRequest(UUID.fromString(release), Instant.now().plusSeconds(60));
            draw(release, drawRequest).statusCode(404).body("type", equalTo(PROBLEMS + "waiting-room-not-found"));
            releaseNow(release);

            await().atMost(Duration.ofSeconds(30)).until(() -> check(release, earlyTickets.get(0)).path("position")
                    .canConvertToLong());
            // the draw, for the gateway's swaps at the edge: only with a draw request signed with the secret
            List<String> drawn = draw(release, drawRequest).statusCode(200)
                    .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                    .extract().jsonPath().getList("accounts", String.class);
            assertThat(drawn).as("the pre-queue, each once").containsExactlyInAnyOrderElementsOf(early);
            draw(release, null).statusCode(404).body("type", equalTo(PROBLEMS + "waiting-room-not-found"));
            draw(release, new Tickets(new Signatures("another-secret-0123456789"))
                    .signDrawRequest(UUID.fromString(release), Instant.now().plusSeconds(60))).statusCode(404);
            // expired, and a pass (no draw request)
            draw(release, tickets.signDrawRequest(UUID.fromString(release), Instant.now().minusSeconds(1)))
                    .statusCode(404);
            draw(release, tickets.sign(new Tickets.Pass(UUID.fromString(release), early.get(0),
                    Instant.now().plusSeconds(60)))).statusCode(404);
            Set<Long> positions = new HashSet<>();
            for (int i = 0; i < earlyTickets.size(); i++) {
                String ticket = earlyTickets.get(i);
                JsonNode status = check(release, ticket);
                assertThat(drawn.indexOf(early.get(i)) + 1L).as("the draw says what the swap says")
                        .isEqualTo(status.path("position").asLong());
                positions.add(status.path("position").asLong());
                String fresh = status.path("ticket").asText();
                assertThat(fresh).as("a ticket with its position").isNotEqualTo(ticket);
                assertThat(check(release, fresh).path("position").asLong()).isEqualTo(status.path("position").asLong());
            }
            assertThat(positions).as("the pre-queue holds positions 1..12, each once")
                    .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);

            List<String> lateTickets = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                JsonNode late = join(Quota.account(), release);
                assertThat(late.path("state").asText()).isEqualTo("WAITING");
                assertThat(late.path("retryAfterSeconds").asLong()).as("the position is a moment away").isEqualTo(1L);
                lateTickets.add(late.path("ticket").asText());
            }
            for (int i = 0; i < 4; i++) {
                String ticket = lateTickets.get(i);
                await().atMost(Duration.ofSeconds(30)).until(() -> check(release, ticket).hasNonNull("position"));
                assertThat(check(release, ticket).path("position").asLong())
                        .as("first come, first served after releaseAt, in join order").isEqualTo(13L + i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> Quota.count("SELECT count(*) FROM waiting_room_entry"
                    + " WHERE release_id = CAST(? AS uuid) AND admitted_at IS NOT NULL", release) == 16);
            assertThat(inLine(office)).as("everyone admitted: nobody in line any more").isZero();
            assertThat(Quota.count("SELECT count(*) FROM waiting_room_entry a JOIN waiting_room_entry b"
                    + " ON a.release_id = b.release_id WHERE a.release_id = CAST(? AS uuid) AND a.position < b.position"
                    + " AND a.admitted_at > b.admitted_at", release)).as("admitted in queue order").isZero();
            probe.await(r -> r.value().getType().equals("mpaspor.quota.PositionsAdmitted.v1")
                    && Quota.data(r.value()).contains(release) && r.key().equals(release), Duration.ofSeconds(30));
        }
    }

    @Test
    void oneAccountHasOnePlaceWhateverItsConcurrentJoins() {
        String office = "SOQ";
        LocalDate date = weekday(46);
        Quota.rules(office, 100, 0);
        String release = release(office, date, Instant.now().plusSeconds(3600));
        String early = Quota.account();
        List<HttpResponse<String>> preQueue = concurrentJoins(early, release, 15);
        assertThat(preQueue).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(Quota.count("SELECT count(*) FROM waiting_room_entry WHERE release_id = CAST(? AS uuid)"
                + " AND account_id = ?", release, early)).isEqualTo(1);
        releaseNow(release);

        await().atMost(Duration.ofSeconds(30)).until(() -> Quota.count("SELECT count(*) FROM waiting_room"
                + " WHERE release_id = CAST(? AS uuid) AND shuffled_at IS NOT NULL", release) == 1);
        String late = Quota.account();
        join(Quota.account(), release);
        List<HttpResponse<String>> fifo = concurrentJoins(late, release, 15);
        assertThat(fifo).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(30)).until(() -> Quota.count("SELECT count(*) FROM waiting_room_entry"
                + " WHERE release_id = CAST(? AS uuid) AND account_id = ? AND position IS NOT NULL", release, late) == 1);
        Set<Long> positions = new HashSet<>();
        for (HttpResponse<String> r : fifo) {
            positions.add(check(release, read(r.body()).path("ticket").asText()).path("position").asLong());
        }
        assertThat(positions).as("the same place for every join").containsExactly(3L);
        assertThat(Quota.count("SELECT count(*) FROM waiting_room_entry WHERE release_id = CAST(? AS uuid)", release))
                .isEqualTo(3);
        assertThat(Quota.count("SELECT last_position FROM waiting_room WHERE release_id = CAST(? AS uuid)", release))
                .as("no position lost to the refused copies").isEqualTo(3);
    }

    @Test
    void forgedExpiredOtherReleasesAndOtherAccountsTicketsAreRefused() {
        String office = "TIM";
        LocalDate date = weekday(47);
        Quota.rules(office, 100, 0);
        String release = release(office, date, Instant.now().plusSeconds(3600));
        String other = release(office, weekday(60), Instant.now().plusSeconds(3600));
        String alice = Quota.account();
        String bob = Quota.account();
        join(alice, release);
        join(bob, release);
        releaseNow(release);
        String ticket = admittedTicket(release, alice);

        String forged = ticket.substring(0, ticket.length() - 2) + (ticket.endsWith("A") ? "BB" : "AA");
        positionOf(release, forged).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "waiting-room-ticket-invalid"));
        String better = tickets.sign(new Tickets.Ticket(UUID.fromString(release), alice, 1, Instant.now(),
                Instant.now().minusSeconds(1)));
        positionOf(release, better).statusCode(403).body("type", equalTo(PROBLEMS + "waiting-room-ticket-invalid"));
        positionOf(other, ticket).statusCode(403).body("type", equalTo(PROBLEMS + "waiting-room-ticket-invalid"));
        positionOf(release, ticket).statusCode(200).body("state", equalTo("ADMITTED"));

        pass(bob, release, ticket).statusCode(403).body("type", equalTo(PROBLEMS + "waiting-room-ticket-not-yours"));
        pass(alice, release, forged).statusCode(403).body("type", equalTo(PROBLEMS + "waiting-room-ticket-invalid"));
        pass(alice, release, ticket).statusCode(200).body("pass", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theHoldPassIsRequiredDuringTheWindowAndNotOutsideIt() {
        String office = "MKQ";
        LocalDate date = weekday(48);
        // the next weekday after it (weekday(49) and weekday(50) can both fall on the Monday after date, a weekend away)
        LocalDate elsewhere = Quota.nextWeekday(date);
        Quota.rules(office, 5, 0);
        Quota.release(office, elsewhere, elsewhere, Instant.now().minusSeconds(1)).statusCode(201);
        String release = release(office, date, Instant.now().plusSeconds(3600));
        String alice = Quota.account();
        String aliceTicket = join(alice, release).path("ticket").asText();

        hold(alice, office, date, null).statusCode(409).body("type", equalTo(PROBLEMS + "quota-not-released"));
        releaseNow(release);
        await().atMost(Duration.ofSeconds(30)).until(() -> hold(Quota.account(), office, date, null).extract()
                .statusCode() == 403);
        hold(alice, office, date, null).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "hold-pass-required"))
                .body("detail", containsString("/api/v1/releases/" + release + "/waiting-room"));
        hold(Quota.account(), office, elsewhere, null).statusCode(201);

        String ticket = admittedTicket(release, alice);
        assertThat(ticket).isNotEqualTo(aliceTicket);
        String pass = pass(alice, release, ticket).statusCode(200).extract().path("pass");
        hold(Quota.account(), office, date, pass).statusCode(403).body("type", equalTo(PROBLEMS + "hold-pass-required"));
        hold(alice, office, date, "not-a-pass").statusCode(403);
        hold(alice, office, date, pass).statusCode(201);

        Quota.execute("UPDATE waiting_room SET closes_at = release_at + interval '1 millisecond'"
                + " WHERE release_id = CAST(? AS uuid)", release);
        await().atMost(Duration.ofSeconds(30)).until(() -> hold(Quota.account(), office, date, null).extract()
                .statusCode() == 201);
    }

    @Test
    void anOfficesWaitingRoomsAreListedWithTheirDatesAndTimes() {
        String office = "KDI";
        LocalDate date = weekday(53);
        Instant releaseAt = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        String release = release(office, date, releaseAt);
        given().get("/offices/" + office + "/waiting-rooms").then().statusCode(200)
                .body("find { it.releaseId == '" + release + "' }.state", equalTo("PRE_QUEUE"))
                .body("find { it.releaseId == '" + release + "' }.fromDate", equalTo(date.toString()))
                .body("find { it.releaseId == '" + release + "' }.toDate", equalTo(date.toString()))
                .body("find { it.releaseId == '" + release + "' }.opensAt",
                        equalTo(releaseAt.minus(Duration.ofHours(2)).toString()))
                .body("find { it.releaseId == '" + release + "' }.position", org.hamcrest.Matchers.nullValue())
                .body("find { it.releaseId == '" + release + "' }.ticket", org.hamcrest.Matchers.nullValue());
        given().get("/releases/" + release + "/waiting-room").then().statusCode(200)
                .body("closesAt", org.hamcrest.Matchers.notNullValue()).body("officeCode", equalTo(office));
        given().get("/offices/MKS/waiting-rooms").then().statusCode(200)
                .body("releaseId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(release)));
        given().get("/offices/not-an-office!/waiting-rooms").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theOpenApiNamesEveryAnswerOfTheWaitingRoomAndTheHoldPassGate() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String room = "paths.'/releases/{releaseId}/waiting-room";
        assertThat(doc.getMap(room + "/pass'.post.responses")).containsKeys("200", "400", "401", "403", "404", "409",
                "429", "503");
        assertThat(doc.getMap(room + "/pass'.post.responses.'409'.headers")).containsKey("Retry-After");
        assertThat(doc.getMap(room + "/pass'.post.responses.'429'.headers")).containsKey("Retry-After");
        assertThat(doc.getMap(room + "/entries'.post.responses")).containsKeys("200", "400", "409", "429", "503");
        assertThat(doc.getMap(room + "/position'.get.responses.'200'.headers")).containsKey("Retry-After");
        assertThat(doc.getMap(room + "/position'.get.responses")).containsKeys("403", "429");
        assertThat(doc.getMap(room + "/challenge'.get.responses")).containsKeys("200", "401", "429");
        assertThat(doc.getMap(room + "/events'.get.responses")).containsKeys("200", "403");
        assertThat(doc.getString("paths.'/holds'.post.responses.'403'.description")).contains("hold-pass-required");
        assertThat(doc.getMap("paths.'/holds'.post.responses.'429'.headers")).containsKey("Retry-After");
        assertThat(doc.getMap("paths.'/offices/{code}/waiting-rooms'.get")).isNotNull();
    }

    @Test
    void soldOutReachesEveryoneStillWaitingWithTheNextRelease() throws Exception {
        String office = "BNA";
        LocalDate date = weekday(51);
        Quota.rules(office, 3, 0);
        Instant nextReleaseAt = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS);
        release(office, weekday(70), nextReleaseAt);
        try (var probe = TopicProbe.cloudEvents(kafka, "quota.events")) {
            String release = release(office, date, Instant.now().plusSeconds(3600));
            Map<String, String> ticketOf = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 10; i++) {
                String account = Quota.account();
                ticketOf.put(account, join(account, release).path("ticket").asText());
            }
            List<List<String>> streams = new ArrayList<>();
            for (String ticket : ticketOf.values()) {
                streams.add(events(release, ticket));
            }
            releaseNow(release);
            await().atMost(Duration.ofSeconds(30)).until(() -> check(release, ticketOf.values().iterator().next())
                    .path("state").asText().matches("WAITING|ADMITTED"));

            int held = 0;
            Instant until = Instant.now().plusSeconds(60);
            while (held < 3 && Instant.now().isBefore(until)) {
                for (Map.Entry<String, String> person : ticketOf.entrySet()) {
                    if (held == 3) {
                        // the places are gone: one more admitted person asking for a pass now is told
                        // release-sold-out (409), which is what the rest of this test checks for the others
                        break;
                    }
                    JsonNode status = check(release, person.getValue());
                    person.setValue(status.path("ticket").asText());
                    if ("ADMITTED".equals(status.path("state").asText())
                            && Quota.count("SELECT count(*) FROM hold WHERE account_id = ?", person.getKey()) == 0) {
                        String pass = pass(person.getKey(), release, person.getValue()).statusCode(200)
                                .extract().path("pass");
                        hold(person.getKey(), office, date, pass).statusCode(201);
                        held++;
                    }
                }
            }
            assertThat(held).as("the three places went to admitted people").isEqualTo(3);

            await().atMost(Duration.ofSeconds(30)).until(() -> ticketOf.values().stream()
                    .allMatch(t -> !"WAITING".equals(check(release, t).path("state").asText())));
            long soldOut = 0;
            for (String ticket : ticketOf.values()) {
                JsonNode status = check(release, ticket);
                if ("SOLD_OUT".equals(status.path("state").asText())) {
                    soldOut++;
                    assertThat(Instant.parse(status.path("nextReleaseAt").asText())).isEqualTo(nextReleaseAt);
                    assertThat(status.path("placesLeft").asInt()).isZero();
                }
            }
            assertThat(soldOut).as("everyone: sold out, with the next release").isEqualTo(10);
            await().atMost(Duration.ofSeconds(30)).until(() -> streams.stream().allMatch(s -> s.stream()
                    .anyMatch(e -> e.contains("\"SOLD_OUT\"") || e.contains("\"ADMITTED\""))));
            assertThat(streams.stream().filter(s -> s.stream().anyMatch(e -> e.contains("\"SOLD_OUT\""))).count())
                    .as("the streams of the people still waiting ended with SOLD_OUT").isGreaterThanOrEqualTo(6);
            var event = probe.await(r -> r.value().getType().equals("mpaspor.quota.ReleaseSoldOut.v1")
                    && r.key().equals(release), Duration.ofSeconds(30));
            // 7 still waiting: exactly three admitted for three places (a tick once admitted a fourth, seen in CI on
            // 2026-12-04 as "6 still waiting": theLeaderReadsPlacesLeftAndPeopleExpectedToHoldAsOfOneSnapshot)
            assertThat(Quota.data(event.value())).contains("\"stillWaiting\":7,")
                    .contains(nextReleaseAt.toString());
            pass(ticketOf.keySet().iterator().next(), release, ticketOf.values().iterator().next()).statusCode(409)
                    .body("type", equalTo(PROBLEMS + "release-sold-out"));
        }
    }

    // --- as an applicant ------------------------------------------------------------------------------------------

    /**
     * The leader admits only while the admitted people expected to hold are fewer than the places left. Both numbers
     * come from one statement: read one after the other, a hold committing between the reads was missing from both
     * at once, and one person too many was admitted (CI, 2026-12-04: four admitted for three places). Here one
     * admitted person's hold commits and is released again as fast as the database allows while the leader reads:
     * every read must see the hold in both numbers or in neither.
     */
    @Test
    void theLeaderReadsPlacesLeftAndPeopleExpectedToHoldAsOfOneSnapshot() throws Exception {
        String office = "AMB";
        LocalDate date = weekday(53);
        Quota.rules(office, 2, 0);
        String release = release(office, date, Instant.now().plusSeconds(3600));
        String account = Quota.account();
        join(account, release);
        releaseNow(release);
        admittedTicket(release, account);
        Instant releaseAt = ((java.sql.Timestamp) Quota.value(
                "SELECT release_at FROM waiting_room WHERE release_id = CAST(? AS uuid)", release)).toInstant();
        WaitingRoomRepository.Room room = new WaitingRoomRepository.Room(UUID.fromString(release), office, date, date,
                releaseAt.minusSeconds(1800), releaseAt, releaseAt.plusSeconds(3600), null, null, 1, 1, 1, 0, null,
                null, null, null);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger flips = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<Void> holds = CompletableFuture.runAsync(() -> {
            try (java.sql.Connection c = RealInfrastructure.database().connect()) {
                c.setAutoCommit(false);
                while (!stop.get()) {
                    UUID hold = UUID.randomUUID();
                    try (var insert = c.prepareStatement("INSERT INTO hold (id, account_id, office_code, date, service,"
                            + " session, size, niks, status, expires_at) VALUES (?, ?, ?, ?, 'REGULAR', 'MORNING', 1,"
                            + " ?, 'HELD', now() + interval '10 minutes')");
                            var take = c.prepareStatement("UPDATE capacity SET held = held + ? WHERE release_id = ?"
                                    + " AND service = 'REGULAR' AND session = 'MORNING' AND date = ?");
                            var delete = c.prepareStatement("DELETE FROM hold WHERE id = ?")) {
                        insert.setObject(1, hold);
                        insert.setString(2, account);
                        insert.setString(3, office);
                        insert.setObject(4, date);
                        insert.setString(5, nik());
                        insert.executeUpdate();
                        take.setInt(1, 1);
                        take.setObject(2, UUID.fromString(release));
                        take.setObject(3, date);
                        take.executeUpdate();
                        c.commit();
                        delete.setObject(1, hold);
                        delete.executeUpdate();
                        take.setInt(1, -1);
                        take.executeUpdate();
                        c.commit();
                        flips.incrementAndGet();
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<WaitingRoomRepository.Seats> seen = new CopyOnWriteArrayList<>();
        try {
            Instant since = Instant.now().minus(Duration.ofMinutes(10));
            for (int i = 0; i < 300 && !holds.isDone(); i++) {
                rooms.asLeader(0x54455354L, leader -> leader.seats(room, since).invoke(seen::add).replaceWithVoid())
                        .await().atMost(Duration.ofSeconds(10));
            }
        } finally {
            stop.set(true);
            holds.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(flips.get()).as("holds committed and released during the reads").isPositive();
        assertThat(seen).hasSizeGreaterThan(100)
                .allSatisfy(s -> assertThat(s.placesLeft() - s.outstanding()).as("places left %d, expected to hold %d",
                        s.placesLeft(), s.outstanding()).isEqualTo(1));
        assertThat(seen).as("both states were read").extracting(WaitingRoomRepository.Seats::placesLeft)
                .contains(1, 2);
    }

    private String release(String office, LocalDate date, Instant releaseAt) {
        String id = Quota.release(office, date, date, releaseAt).statusCode(201).extract().path("releaseId");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/releases/" + id + "/waiting-room")
                .statusCode() == 200);
        return id;
    }

    /** The release's time comes now (its rows moved, as if the clock had reached releaseAt). */
    private static void releaseNow(String release) {
        Quota.execute("UPDATE quota_release SET release_at = now() WHERE id = CAST(? AS uuid)", release);
        Quota.execute("UPDATE capacity SET release_at = now() WHERE release_id = CAST(? AS uuid)", release);
        Quota.execute("UPDATE waiting_room SET release_at = now() WHERE release_id = CAST(? AS uuid)", release);
    }

    private String solved(String account, String release) {
        ProofOfWork.Challenge challenge = given().auth().oauth2(TestJwt.applicant(account))
                .get("/releases/" + release + "/waiting-room/challenge").then().statusCode(200).extract()
                .as(ProofOfWork.Challenge.class);
        return ProofOfWork.solve(challenge, JSON);
    }

    private JsonNode join(String account, String release) {
        return read(given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON)
                .body(Map.of("altcha", solved(account, release)))
                .post("/releases/" + release + "/waiting-room/entries").then().statusCode(200).extract().asString());
    }

    private List<HttpResponse<String>> concurrentJoins(String account, String release, int copies) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            bodies.add("{\"altcha\":\"" + solved(account, release) + "\"}");
        }
        for (String body : bodies) {
            calls.add(HTTP.sendAsync(HttpRequest.newBuilder(base.resolve("/releases/" + release
                    + "/waiting-room/entries")).header("Authorization", "Bearer " + TestJwt.applicant(account))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static io.restassured.response.ValidatableResponse positionOf(String release, String ticket) {
        return given().header("Waiting-Room-Ticket", ticket).get("/releases/" + release + "/waiting-room/position")
                .then();
    }

    private static io.restassured.response.ValidatableResponse draw(String release, String request) {
        var given = given();
        if (request != null) {
            given.header(Tickets.DRAW_HEADER, request);
        }
        return given.when().get("/releases/" + release + "/waiting-room/draw").then();
    }

    private static JsonNode check(String release, String ticket) {
        return read(positionOf(release, ticket).statusCode(200).extract().asString());
    }

    /** Waits until the account's position is admitted; returns its ticket with the position (joining again). */
    private String admittedTicket(String release, String account) {
        await().atMost(Duration.ofSeconds(30)).until(() -> join(account, release).path("position").canConvertToLong());
        String ticket = join(account, release).path("ticket").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "ADMITTED".equals(check(release, ticket).path("state")
                .asText()));
        return ticket;
    }

    private static io.restassured.response.ValidatableResponse pass(String account, String release, String ticket) {
        return given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON)
                .body(Map.of("ticket", ticket)).post("/releases/" + release + "/waiting-room/pass").then();
    }

    private static io.restassured.response.ValidatableResponse hold(String account, String office, LocalDate date,
            String pass) {
        String nik = nik();
        Quota.applicants(account, List.of(nik));
        var request = given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON)
                .body(Quota.holdJson(office, date, "MORNING", "REGULAR", List.of(nik)));
        if (pass != null) {
            request.header("Hold-Pass", pass);
        }
        return request.post("/holds").then();
    }

    /** Follows the Server-Sent Events of a ticket in the background; the list fills with each event's data. */
    private List<String> events(String release, String ticket) {
        List<String> received = new CopyOnWriteArrayList<>();
        HTTP.sendAsync(HttpRequest.newBuilder(base.resolve("/releases/" + release + "/waiting-room/events?ticket="
                + ticket)).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    try (InputStream in = response.body(); BufferedReader lines = new BufferedReader(
                            new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            if (line.startsWith("data:")) {
                                received.add(line.substring(5).trim());
                            }
                        }
                    } catch (java.io.IOException ignored) {
                        // the stream ended
                    }
                });
        return received;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }
}
