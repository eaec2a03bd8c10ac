package id.go.imigrasi.mpaspor.e2e;

import static id.go.imigrasi.mpaspor.e2e.Journey.say;
import static id.go.imigrasi.mpaspor.e2e.Journey.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

/**
 * The waiting room of a quota release in real headless Chromium (issue 17), against the system the e2e run started.
 * Office PLM (used by no other test) gets one place on one date, released 30 s from now; Rina, an API client, joins
 * the pre-queue and is admitted at the release. Then Wulan, in the browser, picks that date on the slot page: during
 * the window the hold needs a pass, so the website takes her to the waiting room, where the ALTCHA widget solves
 * its proof of work and joins her by itself: position 2, nobody ahead, waiting while Rina's claim is open (60 s in
 * the e2e system, {@code MPASPOR_QUOTA_WAITING_ROOM_CLAIM_WINDOW}). When it lapses Wulan is admitted: the page
 * (Server-Sent Events relayed by the website) takes the hold pass and goes on to the slot form, whose hold now
 * succeeds. Back in the room, the release is sold out. Every page is checked with axe-core and photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({ SharedSystem.class, StopAtFirstFailure.class })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaitingRoomPageIT {

    private static final String OFFICE = "PLM";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String serial = String.format("%04d", 1000 + new Random().nextInt(9000));
    private final String wulanNik = "167101" + "630392" + serial;
    private final String password = "Pempek-Kapal-Selam-2026";
    private final String wulanEmail = "wulan." + run + "@example.id";
    private final String rinaEmail = "rina." + run + "@example.id";
    /** A working day within the slot page's 30 days. */
    private final LocalDate date = SharedSystem.workingDayFrom(LocalDate.now(SharedSystem.WIB).plusDays(20));

    private SystemUnderTest system;
    private Journey api;
    private Mailbox mailbox;
    private Browser browser;
    private String applicationId;
    private String releaseId;
    private Instant releaseAt;

    @BeforeAll
    void openTheBrowser() {
        system = SharedSystem.system();
        api = new Journey(system.gateway());
        mailbox = new Mailbox(SystemUnderTest.port(3143));
        browser = new Browser(system.gateway(), system.root().resolve("web/target/screenshots"), "wulan", true);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void oneReleasedPlaceWithAWaitingRoomAndRinaInItsPreQueue() throws Exception {
        step("WR1. PLM: one place on " + date + ", released in 30 s with a waiting room; Rina joins its pre-queue");
        String admin = api.login("admin@mpaspor.local", system.secret("admin-password"));
        List<Map<String, Object>> rules = new java.util.ArrayList<>();
        for (int weekday = 1; weekday <= 7; weekday++) {
            rules.add(Map.of("weekday", weekday, "service", "REGULAR", "session", "MORNING", "capacity", 1));
            rules.add(Map.of("weekday", weekday, "service", "REGULAR", "session", "AFTERNOON", "capacity", 0));
        }
        api.json(api.as(admin), Map.of("rules", rules)).put("/admin/offices/{code}/rules", OFFICE).then()
                .statusCode(200);
        releaseAt = Instant.now().plusSeconds(30);
        JsonPath release = api.json(api.as(admin), Map.of("from", date.toString(), "to", date.toString(),
                "releaseAt", releaseAt.toString())).post("/admin/offices/{code}/releases", OFFICE).then()
                .statusCode(201).extract().jsonPath();
        releaseId = release.getString("releaseId");
        say("  release " + releaseId + " of " + date + " at " + releaseAt);

        Journey.registerAtDukcapil(wulanNik, "Wulan Sari", "1992-03-23", "Palembang", "FEMALE");
        String wulan = api.registerVerifyAndLogin(mailbox, "Wulan Sari", wulanEmail, "0812 7777 1111", password);
        applicationId = api.createApplication(wulan);
        api.addApplicant(wulan, applicationId, new Journey.Person("Wulan Sari", wulanNik, "1992-03-23", "Palembang",
                "FEMALE", "Hartini", "NEW", "ORDINARY", 5)).then().statusCode(201);
        say("  Wulan's application " + applicationId + " for herself (" + wulanNik + ")");

        String rina = api.registerVerifyAndLogin(mailbox, "Rina Oktaviani", rinaEmail, "0812 7777 2222", password);
        Awaitility.await("the room of " + releaseId).atMost(Browser.PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> api.anonymous().get("/releases/{id}/waiting-room", releaseId).statusCode() == 200);
        JsonPath challenge = api.as(rina).get("/releases/{id}/waiting-room/challenge", releaseId).then()
                .statusCode(200).extract().jsonPath();
        JsonPath joined = api.json(api.as(rina), Map.of("altcha", solve(challenge)))
                .post("/releases/{id}/waiting-room/entries", releaseId).then().statusCode(200).extract().jsonPath();
        assertThat(joined.getString("state")).isEqualTo("PRE_QUEUE");
        assertThat(Instant.now()).as("Rina joined before the release").isBefore(releaseAt);
        say("  Rina solved the proof of work in Java and is in the pre-queue");
    }

    @Test
    @Order(2)
    void wulanLogsInAndSeesTheWaitingRoomOnTheSlotPage() {
        step("WR2. Wulan logs in on the website; the slot page names the release's waiting room");
        browser.open("/login");
        browser.type("email", wulanEmail);
        browser.type("password", password);
        browser.click("#submit");
        browser.awaitPath("is /applications", p -> p.equals("/applications"));
        browser.open("/applications/" + applicationId + "/slot?office=" + OFFICE);
        browser.awaitVisible("#wr-banner-" + releaseId);
        browser.check("slot-waiting-room-banner");
        say("  banner: " + browser.find("#wr-banner-" + releaseId).getText());
        say("  waiting for the release at " + releaseAt);
        Awaitility.await("the release").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(releaseAt.plusMillis(1500)));
    }

    @Test
    @Order(3)
    void theHoldWithoutAPassLeadsToTheRoomWhereTheWidgetJoinsHerAndShowsHerPosition() {
        step("WR3. After the release: the hold needs a pass, the page goes to the room, ALTCHA joins her: position 2");
        Awaitility.await("the released place on the slot page").atMost(Browser.PATIENCE)
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    if (!browser.all("input[name=slot]").isEmpty()) {
                        return true;
                    }
                    browser.driver.navigate().refresh();
                    return false;
                });
        browser.find("input[name=slot]").click();
        browser.click("#hold");
        String room = "/applications/" + applicationId + "/waiting-room/" + releaseId;
        browser.awaitPath("is " + room, p -> p.equals(room));
        // the widget fetches its challenge through the website, solves it in a worker and the form is sent
        browser.awaitVisible("#wr-position");
        assertThat(browser.text("#wr-position")).isEqualTo("2");
        assertThat(browser.text("#wr-ahead")).isEqualTo("0");
        assertThat(browser.text("#wr-wait")).isNotBlank();
        assertThat(browser.attribute("#wr-status", "data-events")).endsWith("/events");
        assertThat(browser.driver.getPageSource()).as("the ticket stays on the server").doesNotContain("ticket\":");
        browser.check("waiting-room-position");
        say("  position " + browser.text("#wr-position") + ", ahead " + browser.text("#wr-ahead")
                + ", estimated wait: " + browser.text("#wr-wait"));
    }

    @Test
    @Order(4)
    void admittedThePageTakesTheHoldPassAndTheHoldSucceeds() {
        step("WR4. Rina's claim lapses: Wulan is admitted, the page takes the pass and goes on; the hold succeeds");
        browser.awaitPath("is the slot page", p -> p.startsWith("/applications/" + applicationId + "/slot"));
        browser.awaitVisible("#wr-pass");
        browser.check("slot-with-hold-pass");
        say("  " + browser.find("#wr-pass").getText());
        browser.find("input[name=slot]").click();
        browser.click("#hold");
        browser.awaitPath("ends with /submit", p -> p.endsWith("/submit"));
        say("  held " + date + " MORNING at " + OFFICE + " with the hold pass");
    }

    @Test
    @Order(5)
    void backInTheRoomTheReleaseIsSoldOut() {
        step("WR5. The only place is taken: the room says sold out at once");
        Awaitility.await("the room sold out").atMost(Browser.PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> "SOLD_OUT".equals(api.anonymous().get("/releases/{id}/waiting-room", releaseId)
                        .jsonPath().getString("state")));
        browser.open("/applications/" + applicationId + "/waiting-room/" + releaseId);
        browser.awaitVisible("#wr-sold-out");
        assertThat(browser.all("#wr-status[data-events]")).as("no more updates to wait for").isEmpty();
        browser.check("waiting-room-sold-out");
        say("  " + browser.find("#wr-sold-out").getText().replace('\n', ' '));
    }

    /** The ALTCHA answer a widget would send: the number whose SHA-256 with the salt is the challenge. */
    private static String solve(JsonPath challenge) throws Exception {
        String salt = challenge.getString("salt");
        String target = challenge.getString("challenge");
        long max = challenge.getLong("maxnumber");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (long n = 0; n <= max; n++) {
            if (HexFormat.of().formatHex(sha.digest((salt + n).getBytes(StandardCharsets.UTF_8))).equals(target)) {
                return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(Map.of("algorithm", "SHA-256",
                        "challenge", target, "number", n, "salt", salt, "signature", challenge.getString("signature"))));
            }
        }
        throw new AssertionError("no solution up to " + max);
    }
}
