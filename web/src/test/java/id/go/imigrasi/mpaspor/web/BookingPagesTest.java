package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The bill and the hold against a stand-in API: amounts in rupiah, times in the office's zone, the countdown gone
 * once paid; one Idempotency-Key per submission of the slot form, kept across the automatic retries.
 */
@QuarkusTest
@WithTestResource(FakeApi.class)
class BookingPagesTest {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    private static final String APP = "/applications/" + FakeApi.APPLICATION;

    private String cookie;
    private String csrf;

    @BeforeEach
    void logIn() {
        FakeApi.billStatus = "ISSUED";
        FakeApi.HOLD_ANSWERS.clear();
        FakeApi.HOLD_KEYS.clear();
        FakeApi.HOLD_BODIES.clear();
        FakeApi.CALENDAR_QUERIES.clear();
        cookie = AgusLogsIn.session();
        csrf = AgusLogsIn.find(AgusLogsIn.CSRF, get("/applications/" + FakeApi.APPLICATION + "/bill").asString());
    }

    @Test
    void theBillShowsRupiahAndItsDeadlineInTheOfficesZoneNamedNeverUtc() {
        String html = get(APP + "/bill").then().statusCode(200).extract().asString();
        assertThat(html).contains("<strong id=\"amount\">Rp1.900.000</strong>", "Rp950.000",
                "4 Desember 2099 15.52 WITA", "data-countdown=").doesNotContain("UTC", "Rp 1900000");
        cookie = given().cookie("mpaspor_session", cookie).redirects().follow(false).get("/language?lang=en&back=/")
                .then().extract().cookie("mpaspor_session");
        assertThat(get(APP + "/bill").asString()).contains("Rp1,900,000", "4 December 2099, 15:52 WITA");
    }

    @Test
    void onceThePaymentArrivesTheDeadlineAndItsCountdownLeaveThePage() {
        assertThat(get(APP + "/bill/status").asString()).contains("id=\"bill-countdown\"", "hx-get=");
        FakeApi.billStatus = "PAID";
        String status = get(APP + "/bill/status").asString();
        assertThat(status).contains("id=\"bill-paid\"", "4 Desember 2099 15.00 WITA")
                .doesNotContain("data-countdown", "bill-deadline", "hx-get=")
                .as("the ways to pay are removed from the page too (htmx out-of-band)")
                .contains("<div id=\"bill-how\" hx-swap-oob=\"true\" hidden></div>");
        assertThat(get(APP + "/bill").asString()).doesNotContain("data-countdown", "bill-how");
    }

    @Test
    void theTimelineAndTheHoldAreInTheOfficesZone() {
        assertThat(get(APP).asString()).contains("4 Desember 2026 15.52 WITA").doesNotContain("UTC")
                // who opened which document (issue 23): the office and the document, on the owner's timeline
                .contains("Dokumen dibuka petugas kantor imigrasi", "e-KTP · MKS");
    }

    @Test
    void eachSlotFormCarriesItsOwnIdempotencyKeyWhichTheHoldSends() {
        String first = AgusLogsIn.find(KEY, get(APP + "/slot?office=MKS").asString());
        String second = AgusLogsIn.find(KEY, get(APP + "/slot?office=MKS").asString());
        assertThat(first).isNotEqualTo(second).matches("[0-9a-f-]{36}");
        hold(first).then().statusCode(303).header("Location", containsString("/submit"));
        assertThat(FakeApi.HOLD_KEYS).hasSize(1).first().asString().startsWith(first + " ");
    }

    @Test
    void theCalendarShownAndTheHoldAskedForAreOfTheLineAndKindTheApplicantsNeed() {
        // the application says its applicants need a same-day e-passport hold (application-service's BookingNeed)
        String key = AgusLogsIn.find(KEY, get(APP + "/slot?office=MKS").asString());
        assertThat(FakeApi.CALENDAR_QUERIES).containsExactly("service=SAME_DAY&passportKind=ELECTRONIC");
        hold(key).then().statusCode(303);
        assertThat(FakeApi.HOLD_BODIES).hasSize(1).first().asString().contains("\"service\":\"SAME_DAY\"")
                .contains("\"passportKind\":\"ELECTRONIC\"");
    }

    @Test
    void applicantsNotYetKnownAreWaitedForAndTheSameKeyIsSentAgain() {
        String key = AgusLogsIn.find(KEY, get(APP + "/slot?office=MKS").asString());
        FakeApi.HOLD_ANSWERS.addAll(List.of(409, 409));
        hold(key).then().statusCode(303).header("Location", containsString("/submit"));
        assertThat(FakeApi.HOLD_KEYS).hasSize(3).allMatch(k -> k.startsWith(key + " "));
    }

    @Test
    void aBusyApiKeepsTheKeyForTheAutomaticRetryAndAFinalAnswerGivesANewOne() {
        String key = AgusLogsIn.find(KEY, get(APP + "/slot?office=MKS").asString());
        FakeApi.HOLD_ANSWERS.add(503);
        Response busy = hold(key);
        busy.then().statusCode(503).header("Retry-After", "2").body(containsString("data-resubmit=\"2\""));
        assertThat(AgusLogsIn.find(KEY, busy.asString())).as("the retry sends the same key").isEqualTo(key);
        hold(AgusLogsIn.find(KEY, busy.asString())).then().statusCode(303);
        assertThat(FakeApi.HOLD_KEYS).hasSize(2).allMatch(k -> k.startsWith(key + " "));

        FakeApi.HOLD_ANSWERS.addAll(List.of(409, 409, 409, 409, 409, 409, 409, 409, 409, 409));
        Response waiting = hold(key);
        waiting.then().statusCode(409).header("Retry-After", "1").body(containsString("data-resubmit=\"1\""),
                containsString("sedang diteruskan ke sistem jadwal"));
        assertThat(AgusLogsIn.find(KEY, waiting.asString())).as("still the same request: the same key").isEqualTo(key);
    }

    @Test
    void theApiHearsEachVisitorsAddressFromTheWebsitesOwnSourceAddress() {
        String key = AgusLogsIn.find(KEY, get(APP + "/slot?office=MKS").asString());
        // as the gateway forwards two visitors to the website: each with the address the gateway vouches for
        hold(key, "203.0.113.7").then().statusCode(303);
        hold(freshKey(), "198.51.100.20, 203.0.113.8").then().statusCode(303);
        assertThat(FakeApi.HOLD_KEYS).hasSize(2);
        assertThat(FakeApi.HOLD_KEYS.get(0)).as("not the gateway's address appended: that would be one bucket")
                .endsWith(" 203.0.113.7 127.0.0.3");
        assertThat(FakeApi.HOLD_KEYS.get(1)).endsWith(" 198.51.100.20, 203.0.113.8 127.0.0.3");
    }

    private static String freshKey() {
        return java.util.UUID.randomUUID().toString();
    }

    private Response hold(String key) {
        return hold(key, null);
    }

    private Response hold(String key, String forwardedFor) {
        return given().cookie("mpaspor_session", cookie).redirects().follow(false)
                .header("X-Forwarded-For", forwardedFor == null ? "192.0.2.1" : forwardedFor)
                .contentType("application/x-www-form-urlencoded").formParam("csrf", csrf).formParam("office", "MKS")
                .formParam("slot", "2099-12-07|MORNING").formParam("idempotencyKey", key).post(APP + "/slot");
    }

    private Response get(String path) {
        return given().cookie("mpaspor_session", cookie).get(path);
    }
}
