package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Quota releases, closures and the calendar: dates before their release are not bookable, a release goes on sale
 * at its time (QuotaReleased), holidays and electronic-passport closures close dates, and the calendar follows
 * holds within its cache lag.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class CalendarAndReleaseTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/offices/BJM/calendar")
    URI bjmCalendar;

    private static ValidatableResponse calendar(String office, LocalDate from, LocalDate to, String service,
            String kind) {
        var request = given().queryParam("from", from.toString()).queryParam("to", to.toString());
        if (service != null) {
            request.queryParam("service", service);
        }
        if (kind != null) {
            request.queryParam("passportKind", kind);
        }
        return request.when().get("/offices/" + office + "/calendar").then();
    }

    private static String morning(String office, LocalDate date, String kind) {
        return calendar(office, date, date, null, kind).statusCode(200).extract().path("days[0].sessions[0].status");
    }

    private static ValidatableResponse electronicHold(String office, LocalDate date) {
        String account = Quota.account();
        String nik = nik();
        Quota.applicants(account, List.of(nik));
        return given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON)
                .body(Map.of("officeCode", office, "date", date.toString(), "session", "MORNING", "service", "REGULAR",
                        "niks", List.of(nik), "passportKind", "ELECTRONIC"))
                .when().post("/holds").then();
    }

    @Test
    void datesBeforeTheirReleaseAreNotBookable() {
        String office = "KPG";
        LocalDate date = weekday(40);
        Instant releaseAt = Instant.now().plus(Duration.ofDays(1));
        Quota.release(office, date, date, releaseAt).statusCode(201);
        String account = Quota.account();

        Quota.hold(account, office, date, "MORNING", List.of(nik())).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/quota-not-released"));
        Quota.hold(account, office, weekday(55), "MORNING", List.of(nik())).statusCode(409)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/quota-not-released"));

        calendar(office, date, date, null, null).statusCode(200)
                .body("days[0].sessions.status", everyItem(equalTo("NOT_RELEASED")))
                .body("days[0].sessions[0].releaseAt", notNullValue());
        assertThat(Quota.count("SELECT count(*) FROM hold WHERE account_id = ?", account)).isZero();
        assertThat(Quota.count("SELECT coalesce(sum(held), 0) FROM capacity WHERE office_code = ?", office)).isZero();
    }

    @Test
    void aReleaseDueNowOpensItsDatesAndIsPublished() {
        String office = "MTR";
        LocalDate from = weekday(40);
        LocalDate to = from.plusDays(6);
        int weekdays = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            weekdays += d.getDayOfWeek().getValue() <= 5 ? 1 : 0;
        }
        String releaseId = Quota.release(office, from, to, Instant.now().minusSeconds(1)).statusCode(201)
                .body("slots", equalTo(weekdays * 235)).extract().path("releaseId");

        try (var probe = TopicProbe.cloudEvents(kafka, "quota.events")) {
            var released = probe.await(r -> r.value().getType().equals("mpaspor.quota.QuotaReleased.v1")
                    && Quota.data(r.value()).contains(releaseId), Duration.ofSeconds(30));
            assertThat(released.key()).isEqualTo(office);
        }
        var week = calendar(office, from, to, null, null).statusCode(200).extract().jsonPath();
        for (int i = 0; i < 7; i++) {
            LocalDate day = from.plusDays(i);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            assertThat(week.getString("days[" + i + "].date")).isEqualTo(day.toString());
            assertThat(week.getString("days[" + i + "].sessions[0].status")).isEqualTo(weekend ? "CLOSED" : "AVAILABLE");
            assertThat(week.getInt("days[" + i + "].sessions[0].remaining")).isEqualTo(weekend ? 0 : 100);
        }
        calendar(office, from, from, "SAME_DAY", null).statusCode(200)
                .body("days[0].sessions[0].capacity", equalTo(20)).body("days[0].sessions[1].capacity", equalTo(15));
        calendar(office, from, from, "PRIORITY_WALK_IN", null).statusCode(400)
                .body("errors[0].field", equalTo("service")).body("errors[0].code", equalTo("quota.service-not-bookable"));
    }

    @Test
    void emptyRulesPutTheOfficeBackOnTheDefaults() {
        String office = "PLU";
        Quota.rules(office, 3, 0);

        given().auth().oauth2(Quota.admin()).contentType(ContentType.JSON).body("{\"rules\":[]}")
                .when().put("/admin/offices/" + office + "/rules").then().statusCode(200).body("rules.size()", equalTo(0));

        given().auth().oauth2(Quota.admin()).when().get("/admin/offices/" + office + "/rules").then().statusCode(200)
                .body("rules.size()", equalTo(0));
        LocalDate day = weekday(45);
        Quota.release(office, day, day, Instant.now().minusSeconds(1)).statusCode(201).body("slots", equalTo(235));
    }

    @Test
    void aScheduledReleaseGoesOnSaleAtItsTime() {
        String office = "KDI";
        LocalDate date = weekday(40);
        String releaseId = Quota.release(office, date, date, Instant.now().plusSeconds(10)).statusCode(201)
                .extract().path("releaseId");
        Quota.hold(Quota.account(), office, date, "MORNING", List.of(nik())).statusCode(409);

        try (var probe = TopicProbe.cloudEvents(kafka, "quota.events")) {
            probe.await(r -> r.value().getType().equals("mpaspor.quota.QuotaReleased.v1")
                    && Quota.data(r.value()).contains(releaseId), Duration.ofSeconds(30));
        }
        Quota.held(Quota.account(), office, date, "MORNING", List.of(nik()));
    }

    @Test
    void aHolidayClosesTheDate() {
        String office = "DPS";
        LocalDate date = weekday(40);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);

        given().auth().oauth2(Quota.admin()).contentType(ContentType.JSON)
                .body(Map.of("date", date.toString(), "scope", "ALL", "reason", "Hari Raya Nyepi"))
                .when().post("/admin/offices/" + office + "/closures").then().statusCode(204);

        Quota.hold(Quota.account(), office, date, "MORNING", List.of(nik())).statusCode(409)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/date-closed"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(morning(office, date, null)));
    }

    @Test
    void electronicPassportDatesCloseWithoutBlankBooksAndReopen() {
        String office = "NGR";
        LocalDate date = weekday(40);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        given().auth().oauth2(Quota.admin()).contentType(ContentType.JSON)
                .body(Map.of("date", date.toString(), "scope", "E_PASSPORT", "reason", "blangko habis"))
                .when().post("/admin/offices/" + office + "/closures").then().statusCode(204);

        electronicHold(office, date).statusCode(409)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/e-passport-closed"));
        Quota.held(Quota.account(), office, date, "MORNING", List.of(nik()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(morning(office, date, "ELECTRONIC")));
        assertThat(morning(office, date, "ORDINARY")).isEqualTo("AVAILABLE");

        given().auth().oauth2(Quota.admin()).queryParam("scope", "E_PASSPORT")
                .when().delete("/admin/offices/" + office + "/closures/" + date).then().statusCode(204);
        electronicHold(office, date).statusCode(201);
    }

    @Test
    void theCalendarFollowsHoldsWithinItsCacheLagAndServesASpike() throws Exception {
        String office = "BJM";
        LocalDate date = weekday(41);
        Quota.rules(office, 2, 2);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        assertThat(morning(office, date, null)).isEqualTo("AVAILABLE");

        Quota.held(Quota.account(), office, date, "MORNING", List.of(nik()));
        Quota.held(Quota.account(), office, date, "MORNING", List.of(nik()));

        await().atMost(Duration.ofSeconds(5)).until(() -> "FULL".equals(morning(office, date, null)));
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(bjmCalendar + "?from=" + date + "&to=" + date.plusDays(30));
        List<CompletableFuture<HttpResponse<String>>> spike = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            spike.add(http.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (var answer : spike) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"FULL\"");
            assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));
        }
    }
}
