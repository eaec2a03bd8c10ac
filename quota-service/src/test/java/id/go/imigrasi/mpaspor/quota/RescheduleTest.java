package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.held;
import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.status;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Reschedule: only after payment, at the latest the day before the appointment, at most twice, into a slot with
 * room; the move is atomic and published as BookingRescheduled. Each refusal is a precise problem and changes
 * nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class RescheduleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private void pay(String holdId) {
        Quota.publish(kafka, "billing.events", UUID.randomUUID().toString(), "/mpaspor/billing-service",
                "mpaspor.billing.BillingPaid.v1", "app-" + holdId, "{\"applicationId\":\"app-" + holdId
                        + "\",\"holdId\":\"" + holdId + "\",\"billingCode\":\"820261121000009\",\"amount\":350000,"
                        + "\"channel\":\"ATM\",\"ntpn\":\"NTPN9\",\"paidAt\":\"" + Instant.now() + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "BOOKED".equals(status(holdId)));
    }

    private static ValidatableResponse reschedule(String account, String bookingId, LocalDate date, String session) {
        return given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON)
                .body(Map.of("date", date.toString(), "session", session))
                .when().post("/bookings/" + bookingId + "/reschedule").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/" + slug));
    }

    private static Object date(String holdId) {
        return Quota.value("SELECT date FROM hold WHERE id = CAST(? AS uuid)", holdId).toString();
    }

    @Test
    void paidBookingMovesAtomicallyAndIsPublished() {
        String office = "JMB";
        LocalDate from = weekday(30);
        LocalDate to = weekday(33);
        Quota.release(office, from, to, Instant.now().minusSeconds(1)).statusCode(201);
        String account = Quota.account();
        String booking = Quota.held(account, office, from, "MORNING", List.of(nik(), nik()));
        pay(booking);

        reschedule(account, booking, to, "AFTERNOON").statusCode(200)
                .body("date", equalTo(to.toString())).body("session", equalTo("AFTERNOON"))
                .body("reschedulesUsed", equalTo(1)).body("status", equalTo("BOOKED"));

        assertThat(held(office, from, "MORNING")).isZero();
        assertThat(held(office, to, "AFTERNOON")).isEqualTo(2);
        try (var probe = TopicProbe.cloudEvents(kafka, "quota.events")) {
            var event = probe.await(r -> r.key().equals(booking)
                    && r.value().getType().equals("mpaspor.quota.BookingRescheduled.v1"), Duration.ofSeconds(30));
            assertThat(Quota.data(event.value())).contains("\"fromDate\":\"" + from + "\"")
                    .contains("\"toDate\":\"" + to + "\"").contains("\"toSession\":\"AFTERNOON\"")
                    .contains("\"reschedulesUsed\":1");
        }
    }

    @Test
    void refusedBeforePayment() {
        String office = "BDL";
        LocalDate date = weekday(30);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        String account = Quota.account();
        String hold = Quota.held(account, office, date, "MORNING", List.of(nik()));

        problem(reschedule(account, hold, date, "AFTERNOON"), 409, "reschedule-not-paid");
        assertThat(held(office, date, "MORNING")).isEqualTo(1);
        assertThat(held(office, date, "AFTERNOON")).isZero();
    }

    @Test
    void refusedOnTheDayOfTheAppointment() {
        String office = "DJJ";                                   // WIT: its "today" starts before Jakarta's
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jayapura"));
        Quota.rules(office, 5, 5);                               // open every day, so today is bookable here
        Quota.release(office, today, today.plusDays(3), Instant.now().minusSeconds(1)).statusCode(201);
        String account = Quota.account();
        String booking = Quota.held(account, office, today, "AFTERNOON", List.of(nik()));
        pay(booking);

        problem(reschedule(account, booking, today.plusDays(2), "MORNING"), 409, "reschedule-too-late");
        assertThat(date(booking)).isEqualTo(today.toString());
        assertThat(held(office, today.plusDays(2), "MORNING")).isZero();
    }

    @Test
    void refusedWhenTheCapIsReached() {
        String office = "SRG";
        LocalDate first = weekday(30);
        LocalDate last = first.plusDays(10);
        Quota.release(office, first, last, Instant.now().minusSeconds(1)).statusCode(201);
        String account = Quota.account();
        String booking = Quota.held(account, office, first, "MORNING", List.of(nik()));
        pay(booking);
        LocalDate second = Quota.nextWeekday(first);
        LocalDate third = Quota.nextWeekday(second);
        reschedule(account, booking, second, "MORNING").statusCode(200).body("reschedulesUsed", equalTo(1));
        reschedule(account, booking, third, "MORNING").statusCode(200).body("reschedulesUsed", equalTo(2));

        problem(reschedule(account, booking, first, "MORNING"), 409, "reschedule-limit-reached");
        assertThat(date(booking)).isEqualTo(third.toString());
        assertThat(held(office, third, "MORNING")).isEqualTo(1);
        assertThat(held(office, first, "MORNING") + held(office, second, "MORNING")).isZero();
    }

    @Test
    void refusedWhenTheTargetIsFullAndNothingChanges() {
        String office = "PLM";
        LocalDate date = weekday(30);
        LocalDate target = Quota.nextWeekday(date);
        Quota.rules(office, 1, 1);
        Quota.release(office, date, target, Instant.now().minusSeconds(1)).statusCode(201);
        String account = Quota.account();
        String booking = Quota.held(account, office, date, "MORNING", List.of(nik()));
        pay(booking);
        Quota.held(Quota.account(), office, target, "MORNING", List.of(nik()));

        problem(reschedule(account, booking, target, "MORNING"), 409, "quota-full");
        assertThat(date(booking)).isEqualTo(date.toString());
        assertThat(held(office, date, "MORNING")).isEqualTo(1);
        assertThat(held(office, target, "MORNING")).isEqualTo(1);
        assertThat(Quota.count("SELECT reschedules_used FROM hold WHERE id = CAST(? AS uuid)", booking)).isZero();
    }

    @Test
    void someoneElsesBookingIsNotFound() {
        String office = "BNA";
        LocalDate date = weekday(30);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        String booking = Quota.held(Quota.account(), office, date, "MORNING", List.of(nik()));
        pay(booking);

        problem(reschedule(Quota.account(), booking, date, "AFTERNOON"), 404, "booking-not-found");
        given().auth().oauth2(TestJwt.applicant(Quota.account())).when().get("/holds/" + booking)
                .then().statusCode(404).body("type", endsWith("/hold-not-found"));
        // read as a booking, it is a booking that is not found (it said hold-not-found)
        given().auth().oauth2(TestJwt.applicant(Quota.account())).when().get("/bookings/" + booking)
                .then().statusCode(404).body("type", endsWith("/booking-not-found"));
        given().auth().oauth2(TestJwt.applicant(Quota.account())).when().get("/bookings/" + UUID.randomUUID())
                .then().statusCode(404).body("type", endsWith("/booking-not-found"));
        assertThat(held(office, date, "MORNING")).isEqualTo(1);
    }
}
