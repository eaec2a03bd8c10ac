package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The waiting room page against a stand-in API ({@link FakeWaitingRoom}): the way in from the slot form, the ALTCHA
 * widget and its challenge asked with the session's token, the puzzle solved by hand without JavaScript, the place
 * shown with its Retry-After (and the ticket never in the page), the ticket kept and swapped in the session, the
 * Server-Sent Events relayed as rendered parts, sold out with the next release, and once admitted the hold pass sent
 * as the slot form's {@code Hold-Pass}.
 */
@QuarkusTest
@WithTestResource(FakeApi.class)
class WaitingRoomPagesTest {

    private static final String APP = "/applications/" + FakeApi.APPLICATION;
    private static final String ROOM = APP + "/waiting-room/" + FakeWaitingRoom.RELEASE;

    @jakarta.inject.Inject
    id.go.imigrasi.mpaspor.web.api.ApiTransport transport;

    private String cookie;
    private String csrf;

    @BeforeEach
    void logIn() {
        FakeWaitingRoom.reset();
        FakeApi.HOLD_ANSWERS.clear();
        cookie = AgusLogsIn.session();
        csrf = AgusLogsIn.find(AgusLogsIn.CSRF, get(ROOM).asString());
    }

    @Test
    void theSlotFormLeadsToTheOfficesWaitingRoom() {
        String slot = get(APP + "/slot?office=MKS").then().statusCode(200).extract().asString();
        assertThat(slot).contains("id=\"wr-banner-" + FakeWaitingRoom.RELEASE + "\"", "href=\"" + ROOM + "\"",
                "7 Desember 2099", "11 Desember 2099", "7 Desember 2099 04.00 WITA");
    }

    @Test
    void beforeJoiningThePageOffersTheWidgetAndForAPersonWithoutJavaScriptThePuzzle() {
        String html = get(ROOM).then().statusCode(200).header("Cache-Control", "no-store").extract().asString();
        assertThat(html).contains("<altcha-widget", "challengeurl=\"" + ROOM + "/challenge\"", "auto=\"onload\"",
                "workerurl=\"/assets/altcha-worker.", "<script type=\"module\" src=\"/assets/altcha.",
                "href=\"" + ROOM + "/puzzle\"", "<noscript>", "Orang dalam antrean", "1234", "377")
                .as("no reload while the widget works").doesNotContain("http-equiv=\"refresh\"");
        Matcher asset = Pattern.compile("src=\"(/assets/altcha\\.[0-9a-f]{12}\\.js)\"").matcher(html);
        assertThat(asset.find()).isTrue();
        given().get(asset.group(1)).then().statusCode(200).contentType(containsString("javascript"))
                .header("Cache-Control", containsString("immutable"));
        // the widget's challenge is asked with the session's token, which the browser never holds
        String challenge = get(ROOM + "/challenge").then().statusCode(200).contentType(containsString("json"))
                .extract().asString();
        assertThat(challenge).contains("\"algorithm\":\"SHA-256\"", "\"maxnumber\":100000", FakeWaitingRoom.SALT);
        assertThat(FakeWaitingRoom.SEEN).contains("challenge Bearer access-1");
    }

    @Test
    void joiningKeepsTheTicketInTheSessionAndThePageShowsThePlaceButNeverTheTicket() {
        Response joined = post(ROOM, "altcha", "eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=");
        joined.then().statusCode(303).header("Location", containsString(ROOM));
        assertThat(FakeWaitingRoom.SEEN).contains("join Bearer access-1 {\"altcha\":\"eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=\"}");
        remember(joined);

        FakeWaitingRoom.state = "PRE_QUEUE";
        String pre = get(ROOM).then().statusCode(200).extract().asString();
        assertThat(pre).contains("id=\"wr-pre-queue\"", "<noscript><meta http-equiv=\"refresh\" content=\"7\">")
                .doesNotContain("<altcha-widget", FakeWaitingRoom.TICKET);
        assertThat(FakeWaitingRoom.SEEN).contains("position " + FakeWaitingRoom.TICKET);

        // joined after the release: in the queue, the position a moment away (the leader's next tick)
        FakeWaitingRoom.state = "PLACING";
        assertThat(get(ROOM).then().statusCode(200).extract().asString()).contains("id=\"wr-placing\"",
                "urut waktu masuk").doesNotContain("id=\"wr-pre-queue\"", "id=\"wr-position\"");

        // the shuffle: the check swaps the pre-queue ticket for the placed one, kept for the next visit
        FakeWaitingRoom.state = "WAITING";
        Response placed = get(ROOM);
        String html = placed.then().statusCode(200).extract().asString();
        remember(placed);
        assertThat(html).contains("<strong id=\"wr-position\">41</strong>", "<dd id=\"wr-ahead\">12</dd>",
                "3 menit", "id=\"wr-places\">377", "data-events=\"" + ROOM + "/events\"",
                "content=\"7\"").doesNotContain(FakeWaitingRoom.PLACED, FakeWaitingRoom.TICKET);
        FakeWaitingRoom.SEEN.clear();
        get(ROOM + "/status").then().statusCode(200).header("Retry-After", "7")
                .body(containsString("id=\"wr-position\">41"));
        assertThat(FakeWaitingRoom.SEEN).containsExactly("position " + FakeWaitingRoom.PLACED);
    }

    @Test
    void withoutJavaScriptThePuzzleIsSolvedByHandAndTheSolutionSentAsTheWidgetWould() {
        String puzzle = get(ROOM + "/puzzle").then().statusCode(200).extract().asString();
        assertThat(puzzle).contains("python3 -c", FakeWaitingRoom.CHALLENGE, "name=\"number\"",
                FakeWaitingRoom.SALT.replace("&", "&amp;"));
        FakeWaitingRoom.SEEN.clear();
        post(ROOM, "number", "12ab", "salt", FakeWaitingRoom.SALT, "challenge", FakeWaitingRoom.CHALLENGE,
                "signature", FakeWaitingRoom.SIGNATURE).then().statusCode(200)
                .body(containsString("id=\"number-error\""), containsString("href=\"#number\""));
        assertThat(FakeWaitingRoom.SEEN).noneMatch(s -> s.startsWith("join"));

        post(ROOM, "number", "4711", "salt", FakeWaitingRoom.SALT, "challenge", FakeWaitingRoom.CHALLENGE,
                "signature", FakeWaitingRoom.SIGNATURE).then().statusCode(303);
        String join = FakeWaitingRoom.SEEN.stream().filter(s -> s.startsWith("join")).findFirst().orElseThrow();
        String altcha = join.replaceAll(".*\"altcha\":\"([^\"]+)\".*", "$1");
        assertThat(new String(Base64.getDecoder().decode(altcha), StandardCharsets.UTF_8))
                .isEqualTo("{\"algorithm\":\"SHA-256\",\"challenge\":\"" + FakeWaitingRoom.CHALLENGE + "\",\"number\":4711,"
                        + "\"salt\":\"" + FakeWaitingRoom.SALT + "\",\"signature\":\"" + FakeWaitingRoom.SIGNATURE + "\"}");
    }

    @Test
    void aRefusedSolutionComesBackAsTheApisFieldError() {
        post(ROOM, "altcha", "bad").then().statusCode(200)
                .body(containsString("Bukti kerja (ALTCHA) tidak valid"), containsString("<altcha-widget"));
    }

    @Test
    void aJoinTheCrowdPushedBackIsSentAgainWithTheSameSolutionAndNoNewPuzzle() {
        String solution = solution(FakeWaitingRoom.SALT);
        FakeWaitingRoom.SHED_JOINS.set(2);
        Response shed = post(ROOM, "altcha", solution);
        shed.then().statusCode(503).header("Retry-After", "2").body(containsString("url=" + ROOM + "\""));
        remember(shed);

        // the busy page comes back after Retry-After: no widget, no challenge asked, the kept solution sent again
        FakeWaitingRoom.SEEN.clear();
        String html = get(ROOM).then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"join-again-form\"", "name=\"again\" value=\"yes\"", "data-auto=\"yes\"")
                .doesNotContain("<altcha-widget", "altcha.css", solution);
        Response again = post(ROOM, "again", "yes");
        again.then().statusCode(503);
        remember(again);
        Response joined = post(ROOM, "again", "yes");
        joined.then().statusCode(303).header("Location", containsString(ROOM));
        remember(joined);
        assertThat(FakeWaitingRoom.SEEN).noneMatch(s -> s.startsWith("challenge"))
                .filteredOn(s -> s.startsWith("join"))
                .containsExactly("join Bearer access-1 {\"altcha\":\"" + solution + "\"}",
                        "join Bearer access-1 {\"altcha\":\"" + solution + "\"}");

        // joined: the solution is forgotten, the page shows the place
        assertThat(get(ROOM).asString()).doesNotContain("join-again-form", "<altcha-widget");
        FakeWaitingRoom.SEEN.clear();
        post(ROOM, "again", "yes").then().statusCode(303);
        assertThat(FakeWaitingRoom.SEEN).noneMatch(s -> s.startsWith("join"));
    }

    @Test
    void aKeptSolutionWhoseChallengeExpiredIsForgottenAndThePuzzleOfferedAgain() {
        String expired = solution(FakeWaitingRoom.SALT.replace("expires=4102444800", "expires=1700000000"));
        FakeWaitingRoom.SHED_JOINS.set(1);
        remember(post(ROOM, "altcha", expired));
        String html = get(ROOM).then().statusCode(200).extract().asString();
        assertThat(html).contains("<altcha-widget").doesNotContain("join-again-form");
        FakeWaitingRoom.SEEN.clear();
        post(ROOM, "again", "yes").then().statusCode(303).header("Location", containsString(ROOM));
        assertThat(FakeWaitingRoom.SEEN).as("nothing sent: the expired solution is gone").noneMatch(s -> s.startsWith("join"));
    }

    @Test
    void aSolutionIsValidUntilItsChallengeExpires() {
        java.time.Instant at = java.time.Instant.ofEpochSecond(4102444800L);
        String solution = solution(FakeWaitingRoom.SALT);
        assertThat(id.go.imigrasi.mpaspor.web.pages.WaitingRoomPages.solutionValidAt(solution, at.minusSeconds(1)))
                .isTrue();
        assertThat(id.go.imigrasi.mpaspor.web.pages.WaitingRoomPages.solutionValidAt(solution, at)).isFalse();
        assertThat(id.go.imigrasi.mpaspor.web.pages.WaitingRoomPages.solutionValidAt(
                solution("0a1b2c3d?account=1f2e"), at.minusSeconds(60))).as("no expiry: not sent again").isFalse();
        assertThat(id.go.imigrasi.mpaspor.web.pages.WaitingRoomPages.solutionValidAt("not base64 !", at)).isFalse();
        assertThat(id.go.imigrasi.mpaspor.web.pages.WaitingRoomPages.solutionValidAt(
                Base64.getEncoder().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8)), at)).isFalse();
    }

    /** An ALTCHA payload as the widget sends it, for a challenge with this salt. */
    private static String solution(String salt) {
        return Base64.getEncoder().encodeToString(("{\"algorithm\":\"SHA-256\",\"challenge\":\""
                + FakeWaitingRoom.CHALLENGE + "\",\"number\":4711,\"salt\":\"" + salt + "\",\"signature\":\""
                + FakeWaitingRoom.SIGNATURE + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theEventsAreRelayedAsRenderedPartsWithTheTicketKeptOnTheServer() {
        remember(post(ROOM, "altcha", "eyJ9"));
        String stream = given().cookie("mpaspor_session", cookie).accept("text/event-stream").get(ROOM + "/events")
                .then().statusCode(200).contentType(startsWith("text/event-stream")).extract().asString();
        assertThat(stream).contains("data-state=\"WAITING\"", "id=\"wr-position\">41", "data-state=\"ADMITTED\"",
                "id=\"wr-continue\"").doesNotContain(FakeWaitingRoom.TICKET, "keep-alive");
        assertThat(FakeWaitingRoom.SEEN).contains("events " + FakeWaitingRoom.TICKET + " text/event-stream");
        org.awaitility.Awaitility.await("the stream's place in the bounded pool given back")
                .atMost(java.time.Duration.ofSeconds(5)).until(() -> transport.openStreams() == 0);
    }

    @Test
    void admittedTheTicketBecomesAHoldPassThatTheSlotFormSends() {
        remember(post(ROOM, "altcha", "eyJ9"));
        FakeWaitingRoom.requirePass = true;
        FakeWaitingRoom.state = "ADMITTED";
        Response admitted = get(ROOM);
        admitted.then().statusCode(303).header("Location", containsString(APP + "/slot?office=MKS"));
        remember(admitted);
        assertThat(FakeWaitingRoom.SEEN).contains("pass Bearer access-1 {\"ticket\":\"" + FakeWaitingRoom.PLACED + "\"}");

        String slot = get(APP + "/slot?office=MKS").then().statusCode(200).extract().asString();
        assertThat(slot).contains("id=\"wr-pass\"", "7 Desember 2099 04.10 WITA", "data-countdown=")
                .doesNotContain(FakeWaitingRoom.PASS);
        Response hold = given().cookie("mpaspor_session", cookie).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf", csrf).formParam("office", "MKS")
                .formParam("slot", "2099-12-07|MORNING").post(APP + "/slot");
        hold.then().statusCode(303).header("Location", containsString("/submit"));
        assertThat(FakeWaitingRoom.SEEN).contains("hold " + FakeWaitingRoom.PASS);
    }

    @Test
    void aHoldWithoutAPassDuringTheWindowGoesToTheWaitingRoom() {
        FakeWaitingRoom.requirePass = true;
        given().cookie("mpaspor_session", cookie).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf", csrf).formParam("office", "MKS")
                .formParam("slot", "2099-12-07|MORNING").post(APP + "/slot")
                .then().statusCode(303).header("Location", containsString(ROOM));
        assertThat(FakeWaitingRoom.SEEN).contains("hold null");
    }

    @Test
    void soldOutSaysSoAtOnceWithTheNextReleaseAndStopsReloading() {
        remember(post(ROOM, "altcha", "eyJ9"));
        FakeWaitingRoom.state = "SOLD_OUT";
        String html = get(ROOM).then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"wr-sold-out\"", "14 Desember 2099 04.00 WITA")
                .doesNotContain("http-equiv=\"refresh\"", "data-events=", "<altcha-widget");
        cookie = given().cookie("mpaspor_session", cookie).redirects().follow(false).get("/language?lang=en&back=/")
                .then().extract().cookie("mpaspor_session");
        assertThat(get(ROOM).asString()).contains("Every place of this release is taken", "14 December 2099, 04:00 WITA");
    }

    @Test
    void aTicketTheApiNoLongerAcceptsIsForgottenAndThePersonMayJoinAgain() {
        remember(post(ROOM, "altcha", "eyJ9"));
        FakeWaitingRoom.refuseTickets = true;
        Response refused = get(ROOM);
        String html = refused.then().statusCode(200).extract().asString();
        remember(refused);
        assertThat(html).contains("id=\"wr-lost\"", "<altcha-widget");
        FakeWaitingRoom.SEEN.clear();
        get(ROOM).then().statusCode(200);
        assertThat(FakeWaitingRoom.SEEN).as("the refused ticket is not sent again").containsExactly("room");
        get(APP + "/waiting-room/not-a-release").then().statusCode(404);
    }

    @Test
    void theLinkOfTheItIsYourTurnMailOpensTheRoomOfTheApplicationBeingPrepared() {
        get("/ruang-tunggu/" + FakeWaitingRoom.RELEASE).then().statusCode(303).header("Location", containsString(ROOM));
        given().redirects().follow(false).get("/ruang-tunggu/" + FakeWaitingRoom.RELEASE).then().statusCode(303)
                .header("Location", containsString("/login"));
        get("/ruang-tunggu/not-a-release").then().statusCode(404);
    }

    @Test
    void withoutTheCsrfTokenNothingReachesTheApi() {
        FakeWaitingRoom.SEEN.clear();
        given().cookie("mpaspor_session", cookie).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("altcha", "eyJ9").post(ROOM)
                .then().statusCode(403);
        assertThat(FakeWaitingRoom.SEEN).isEmpty();
    }

    private Response get(String path) {
        return given().cookie("mpaspor_session", cookie).redirects().follow(false).get(path);
    }

    private Response post(String path, String... fields) {
        var spec = given().cookie("mpaspor_session", cookie).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            spec = spec.formParam(fields[i], fields[i + 1]);
        }
        return spec.post(path);
    }

    private void remember(Response response) {
        String fresh = response.getCookie("mpaspor_session");
        if (fresh != null) {
            cookie = fresh;
        }
    }
}
