package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.Fakes;
import id.go.imigrasi.mpaspor.gateway.support.Management;
import id.go.imigrasi.mpaspor.platform.waitingroom.ProofOfWork;
import id.go.imigrasi.mpaspor.platform.waitingroom.Signatures;
import id.go.imigrasi.mpaspor.platform.waitingroom.Tickets;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A waiting room's position check, and an applicant's proof-of-work challenge, are answered at the edge (issue 17): the ticket's HMAC (the secret quota-service
 * signs with) and the room's numbers as quota-service last showed them, by the rule quota-service uses. The fake
 * quota-service echoes what reaches it ({@code "service": "quota"}), so each answer tells where it came from. What the
 * edge cannot answer as quota-service would (a forged, expired or other release's ticket; a pre-queue ticket once the
 * order is drawn; a room with no fresh copy) still goes to quota-service.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WaitingRoomAtTheEdgeTest {

    private static final String SECRET = "test-only-waiting-room-secret-not-a-secret";
    private static final Tickets QUOTA_SIGNS = new Tickets(new Signatures(SECRET));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What quota-service verifies a solution with when she joins: the same secret, its own clock. */
    private static final ProofOfWork QUOTA_VERIFIES = new ProofOfWork(new Signatures(SECRET), 1_000,
            Duration.ofMinutes(10), java.time.Clock.systemUTC(), JSON);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant CLOSES = NOW.plus(Duration.ofHours(1));

    /** A shuffled room, positions 1..100 admitted, 50 places left, 10 admitted a second lately. */
    static JsonObject room(UUID release, boolean shuffled, Instant soldOutAt) {
        return new JsonObject().put("releaseId", release.toString()).put("officeCode", "SBY").put("admittedUpTo", 100)
                .put("queued", 5_000).put("placesLeft", soldOutAt == null ? 50 : 0)
                .put("releaseAt", NOW.minusSeconds(300).toString()).put("updatedAt", NOW.toString())
                .put("fromDate", "2026-12-14").put("toDate", "2026-12-18")
                .put("opensAt", NOW.minusSeconds(2_100).toString()).put("closesAt", CLOSES.toString())
                .put("shuffledAt", shuffled ? NOW.minusSeconds(300).toString() : null)
                .put("soldOutAt", soldOutAt == null ? null : soldOutAt.toString())
                .put("nextReleaseAt", NOW.plus(Duration.ofDays(7)).toString()).put("admitRatePerSecond", 10.0);
    }

    static void quotaShows(UUID release, JsonObject room) {
        given().queryParam("id", release.toString()).body(room.encode())
                .post(Fakes.url("quota") + "/_fake/room").then().statusCode(200);
    }

    private static String ticket(UUID release, String account, long position) {
        return QUOTA_SIGNS.sign(new Tickets.Ticket(release, account, position, NOW, CLOSES));
    }

    private static Response check(UUID release, String ticket) {
        return given().header("Waiting-Room-Ticket", ticket)
                .when().get("/api/v1/releases/" + release + "/waiting-room/position");
    }

    /** The first check of a room goes to quota-service while the edge reads the room; then the edge answers. */
    private static Response answeredAtTheEdge(UUID release, String ticket) {
        await().atMost(Duration.ofSeconds(10)).until(() -> check(release, ticket).jsonPath().get("service") == null);
        return check(release, ticket);
    }

    @Test
    void anAdmittedOrWaitingTicketIsAnsweredAtTheEdgeAsQuotaServiceWould() {
        UUID release = UUID.randomUUID();
        quotaShows(release, room(release, true, null));
        String admitted = ticket(release, "acc-1", 90);

        answeredAtTheEdge(release, admitted).then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("state", equalTo("ADMITTED")).body("position", equalTo(90)).body("ticket", equalTo(admitted))
                .body("admittedUpTo", equalTo(100)).body("placesLeft", equalTo(50)).body("officeCode", equalTo("SBY"))
                .body("closesAt", equalTo(CLOSES.toString()));

        // 299 ahead at 10 a second: 30 s to wait, asked back in a quarter of it
        String waiting = ticket(release, "acc-2", 400);
        check(release, waiting).then().statusCode(200).header("Retry-After", "7")
                .body("state", equalTo("WAITING")).body("ahead", equalTo(299)).body("estimatedWaitSeconds", equalTo(30))
                .body("service", nullValue());
        // fewer ahead than places left: asked back each second
        check(release, ticket(release, "acc-3", 130)).then().statusCode(200).header("Retry-After", "1")
                .body("ahead", equalTo(29));

        String metrics = given().get(Management.url("/q/metrics")).asString();
        assertThat(metrics).containsPattern("mpaspor_gateway_waiting_room_checks_total\\{answered=\"edge\"[^}]*} [1-9]")
                .containsPattern("mpaspor_gateway_waiting_room_copy_reads_total\\{outcome=\"read\"[^}]*} [1-9]");
    }

    @Test
    void whatTheEdgeCannotAnswerAsQuotaServiceWouldGoesToQuotaService() {
        UUID release = UUID.randomUUID();
        quotaShows(release, room(release, true, null));
        answeredAtTheEdge(release, ticket(release, "acc-1", 90));

        String forged = new Tickets(new Signatures("another-secret-0123456789"))
                .sign(new Tickets.Ticket(release, "acc-1", 1, NOW, CLOSES));
        check(release, forged).then().statusCode(200).body("service", equalTo("quota"));
        String expired = QUOTA_SIGNS.sign(new Tickets.Ticket(release, "acc-1", 1, NOW.minusSeconds(60),
                NOW.minusSeconds(1)));
        check(release, expired).then().body("service", equalTo("quota"));
        check(release, ticket(UUID.randomUUID(), "acc-1", 1)).then().body("service", equalTo("quota"));
        check(release, "not-a-ticket").then().body("service", equalTo("quota"));
        // drawn: the pre-queue ticket is swapped for one with its position, which needs quota-service's database
        check(release, ticket(release, "acc-4", 0)).then().body("service", equalTo("quota"))
                .body("path", equalTo("/releases/" + release + "/waiting-room/position"));
        // a room quota-service does not know: quota-service answers (its 404)
        UUID unknown = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            check(unknown, ticket(unknown, "acc-1", 1)).then().body("service", equalTo("quota"));
        }
    }

    @Test
    void onceDrawnAPreQueueTicketIsSwappedAtTheEdgeFromTheDrawReadOnce() {
        UUID release = UUID.randomUUID();
        quotaShows(release, room(release, true, null));
        JsonArray accounts = new JsonArray();
        for (int i = 1; i <= 150; i++) {
            accounts.add("acc-drawn-" + i);
        }
        given().queryParam("id", release.toString())
                .body(new JsonObject().put("releaseId", release.toString()).put("accounts", accounts).encode())
                .post(Fakes.url("quota") + "/_fake/draw").then().statusCode(200);
        String early = ticket(release, "acc-drawn-150", 0);

        Response swapped = answeredAtTheEdge(release, early);
        // position 150 of a room admitted up to 100, with 50 places left: 49 ahead, asked back each second
        swapped.then().statusCode(200).header("Cache-Control", "no-store").header("Retry-After", "1")
                .body("state", equalTo("WAITING")).body("position", equalTo(150)).body("ahead", equalTo(49));
        String placed = swapped.jsonPath().getString("ticket");
        assertThat(placed).as("a new ticket, with the position").isNotEqualTo(early);
        assertThat(QUOTA_SIGNS.ticket(placed, Instant.now())).as("signed as quota-service signs, expiring as the first")
                .hasValueSatisfying(t -> {
                    assertThat(t.accountId()).isEqualTo("acc-drawn-150");
                    assertThat(t.position()).isEqualTo(150);
                    assertThat(t.expiresAt()).isEqualTo(CLOSES);
                });
        check(release, placed).then().body("position", equalTo(150)).body("ticket", equalTo(placed))
                .body("service", nullValue());
        check(release, ticket(release, "acc-drawn-1", 0)).then().body("state", equalTo("ADMITTED"))
                .body("position", equalTo(1)).body("service", nullValue());
        // not in the draw (its join committed while the shuffle ran, placed after it): quota-service swaps it
        check(release, ticket(release, "acc-joined-during-the-draw", 0)).then().body("service", equalTo("quota"));

        int reads = Integer.parseInt(given().queryParam("id", release.toString())
                .get(Fakes.url("quota") + "/_fake/draws-read").asString());
        assertThat(reads).as("the draw is read once, not per swap").isEqualTo(1);
        assertThat(given().get(Management.url("/q/metrics")).asString())
                .containsPattern("mpaspor_gateway_waiting_room_draw_reads_total\\{outcome=\"read\"[^}]*} [1-9]");
    }

    @Test
    void beforeTheDrawThePreQueueIsAnsweredAtTheEdgeAndSoldOutReachesEveryoneWithinAPoll() {
        UUID release = UUID.randomUUID();
        quotaShows(release, room(release, false, null));
        String early = ticket(release, "acc-1", 0);
        answeredAtTheEdge(release, early).then().statusCode(200).body("state", equalTo("PRE_QUEUE"))
                .body("position", nullValue());

        String waiting = ticket(release, "acc-2", 4_000);
        check(release, waiting).then().body("state", equalTo("WAITING"));
        quotaShows(release, room(release, true, NOW));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "SOLD_OUT".equals(check(release, waiting).jsonPath().getString("state")));
        check(release, waiting).then().body("service", nullValue()).body("nextReleaseAt", equalTo(
                NOW.plus(Duration.ofDays(7)).toString()));
        // sold out: a pre-queue ticket needs no swap either
        check(release, early).then().body("state", equalTo("SOLD_OUT")).body("service", nullValue());
        int reads = Integer.parseInt(given().queryParam("id", release.toString())
                .get(Fakes.url("quota") + "/_fake/rooms-read").asString());
        assertThat(reads).as("the room is read from quota-service, a few times a second, not once per check")
                .isBetween(2, 200);
    }

    static Response challenge(UUID release, String token) {
        return given().auth().oauth2(token).when().get("/api/v1/releases/" + release + "/waiting-room/challenge");
    }

    @Test
    void anApplicantsChallengeIsIssuedAtTheEdgeAndQuotaServiceAcceptsItsSolutionForHerAccountOnly() {
        UUID release = UUID.randomUUID();
        quotaShows(release, room(release, true, null));
        String token = TestJwt.applicant("acc-pow");
        // the first ask of a room the edge has no copy of goes to quota-service; then the edge issues them
        await().atMost(Duration.ofSeconds(10))
                .until(() -> challenge(release, token).jsonPath().get("service") == null);
        Response issued = challenge(release, token);
        issued.then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store")
                .body("algorithm", equalTo("SHA-256")).body("maxnumber", equalTo(1_000));
        ProofOfWork.Challenge challenge = issued.as(ProofOfWork.Challenge.class);
        assertThat(challenge.salt()).contains("?expires=", "&account=");
        String solved = ProofOfWork.solve(challenge, JSON);
        assertThat(QUOTA_VERIFIES.verify(solved, "acc-pow")).as("quota-service accepts it from her").isTrue();
        assertThat(QUOTA_VERIFIES.verify(solved, "acc-other")).as("bound to her account").isFalse();
        assertThat(challenge(release, token).as(ProofOfWork.Challenge.class).salt())
                .as("a fresh salt each time").isNotEqualTo(challenge.salt());

        String metrics = given().get(Management.url("/q/metrics")).asString();
        assertThat(metrics).containsPattern(
                "mpaspor_gateway_waiting_room_challenges_total\\{answered=\"edge\"[^}]*} [1-9]");
    }

    @Test
    void aChallengeTheEdgeCannotIssueAsQuotaServiceWouldGoesToQuotaServiceOrIsRefused() {
        UUID release = UUID.randomUUID();
        quotaShows(release, room(release, true, null));
        String applicant = TestJwt.applicant("acc-pow-2");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> challenge(release, applicant).jsonPath().get("service") == null);

        // an officer is not an applicant: quota-service answers its 403 in the caller's language
        challenge(release, TestJwt.officer("officer-1", "SBY")).then().statusCode(200)
                .body("service", equalTo("quota")).body("path", equalTo("/releases/" + release + "/waiting-room/challenge"));
        // a room quota-service does not know: quota-service answers (its 404)
        UUID unknown = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            challenge(unknown, applicant).then().body("service", equalTo("quota"));
        }
        // no token, a forged or an expired one: refused at the edge as before, nothing issued
        given().when().get("/api/v1/releases/" + release + "/waiting-room/challenge").then().statusCode(401)
                .contentType("application/problem+json");
        challenge(release, TestJwt.forged("acc-pow-2")).then().statusCode(401).body("algorithm", nullValue());
        challenge(release, TestJwt.expired("acc-pow-2")).then().statusCode(401).body("algorithm", nullValue());
        // only GET issues one
        given().auth().oauth2(applicant).when().post("/api/v1/releases/" + release + "/waiting-room/challenge")
                .then().body("algorithm", nullValue());
    }

    @Test
    void aChallengeIsStillIssuedAtTheEdgeWhenQuotaServiceIsTooBusyToShowTheRoomAgain() {
        UUID release = UUID.randomUUID();
        quotaShows(release, room(release, true, null));
        String token = TestJwt.applicant("acc-pow-3");
        String admitted = ticket(release, "acc-pow-3", 90);
        answeredAtTheEdge(release, admitted);
        given().queryParam("id", release.toString()).post(Fakes.url("quota") + "/_fake/room-unreadable").then()
                .statusCode(200);
        // the copy grows old: positions are no longer answered from it (they move), they go to quota-service
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "quota".equals(check(release, admitted).jsonPath().getString("service")));
        assertThat(given().get(Management.url("/q/metrics")).asString())
                .containsPattern("mpaspor_gateway_waiting_room_copy_reads_total\\{outcome=\"failed\"[^}]*} [1-9]");
        // the room exists all the same: a challenge needs nothing more, and quota-service is spared the crowd's asks
        challenge(release, token).then().statusCode(200).body("service", nullValue())
                .body("algorithm", equalTo("SHA-256"));
    }
}
