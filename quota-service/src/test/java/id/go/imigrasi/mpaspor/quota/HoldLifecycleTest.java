package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.count;
import static id.go.imigrasi.mpaspor.quota.support.Quota.held;
import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.status;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A hold's life after it was placed, driven by the saga's events and by time: extended when billed, confirmed
 * when paid, released (and back in the calendar) when the bill expires, the application is cancelled or the hold
 * times out; a redelivered event changes nothing twice.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class HoldLifecycleTest {

    private static final String BILLING = "/mpaspor/billing-service";

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

    private ConsumerRecord<String, CloudEvent> awaitEvent(String type, String holdId) {
        return quotaEvents.await(r -> r.value().getType().equals("mpaspor.quota." + type + ".v1")
                && holdId.equals(r.key()), Duration.ofSeconds(30));
    }

    private void billing(String type, String eventId, String applicationId, String json) {
        Quota.publish(kafka, "billing.events", eventId, BILLING, "mpaspor.billing." + type + ".v1", applicationId, json);
    }

    private void issued(String applicationId, String holdId, Instant deadline) {
        billing("BillingIssued", UUID.randomUUID().toString(), applicationId, "{\"applicationId\":\"" + applicationId
                + "\",\"holdId\":\"" + holdId + "\",\"billingCode\":\"820261121000001\",\"amount\":350000,"
                + "\"expiresAt\":\"" + deadline + "\"}");
    }

    private void paid(String applicationId, String holdId) {
        billing("BillingPaid", UUID.randomUUID().toString(), applicationId, "{\"applicationId\":\"" + applicationId
                + "\",\"holdId\":\"" + holdId + "\",\"billingCode\":\"820261121000001\",\"amount\":350000,"
                + "\"channel\":\"INDOMARET\",\"ntpn\":\"NTPN0001\",\"paidAt\":\"" + Instant.now() + "\"}");
    }

    private void expired(String eventId, String applicationId, String holdId) {
        billing("BillingExpired", eventId, applicationId, "{\"applicationId\":\"" + applicationId + "\",\"holdId\":\""
                + holdId + "\",\"billingCode\":\"820261121000001\",\"expiredAt\":\"" + Instant.now() + "\"}");
    }

    private static int remaining(String office, LocalDate date) {
        return given().queryParam("from", date.toString()).queryParam("to", date.toString())
                .when().get("/offices/" + office + "/calendar")
                .then().statusCode(200).extract().path("days[0].sessions[0].remaining");
    }

    @Test
    void holdExpiresByTimeAndItsSlotAndNikAreFreeAgain() {
        String office = "MLG";
        LocalDate date = weekday(25);
        Quota.rules(office, 1, 0);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        String nik = nik();
        String holdId = Quota.held(Quota.account(), office, date, "MORNING", List.of(nik));
        Quota.hold(Quota.account(), office, date, "MORNING", List.of(nik())).statusCode(409)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/quota-full"));

        Quota.execute("UPDATE hold SET expires_at = now() - interval '1 second' WHERE id = CAST(? AS uuid)", holdId);

        var released = awaitEvent("HoldReleased", holdId);
        assertThat(Quota.data(released.value())).contains("\"reason\":\"HOLD_TIMEOUT\"");
        assertThat(status(holdId)).isEqualTo("RELEASED");
        assertThat(held(office, date, "MORNING")).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> remaining(office, date) == 1);
        Quota.held(Quota.account(), office, date, "MORNING", List.of(nik));
    }

    @Test
    void billingIssuedExtendsTheHoldToTheBillingDeadline() {
        String office = "SKA";
        LocalDate date = weekday(25);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        String holdId = Quota.held(Quota.account(), office, date, "MORNING", List.of(nik()));
        Instant deadline = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        issued("app-" + holdId, holdId, deadline);

        var extended = awaitEvent("HoldExtended", holdId);
        Instant expected = deadline.plus(Duration.ofMinutes(5));
        assertThat(Quota.data(extended.value())).contains("\"expiresAt\":\"" + expected + "\"");
        assertThat(((java.sql.Timestamp) Quota.value("SELECT expires_at FROM hold WHERE id = CAST(? AS uuid)",
                holdId)).toInstant()).isEqualTo(expected);
    }

    @Test
    void billingPaidConfirmsTheHoldIntoABookingThatTimeNoLongerReleases() {
        String office = "TPRK";
        LocalDate date = weekday(25);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        String nik = nik();
        String holdId = Quota.held(Quota.account(), office, date, "AFTERNOON", List.of(nik));
        String applicationId = "app-" + holdId;
        issued(applicationId, holdId, Instant.now().plus(2, ChronoUnit.HOURS));
        paid(applicationId, holdId);

        var confirmed = awaitEvent("HoldConfirmed", holdId);
        assertThat(Quota.data(confirmed.value())).contains("\"applicationId\":\"" + applicationId + "\"")
                .contains(nik).contains("\"session\":\"AFTERNOON\"");
        assertThat(status(holdId)).isEqualTo("BOOKED");

        // time passes: a booked hold is not released by the timer (another hold that expires proves the tick ran)
        String marker = Quota.held(Quota.account(), office, date, "MORNING", List.of(nik()));
        Quota.execute("UPDATE hold SET expires_at = now() - interval '1 second' WHERE id IN (CAST(? AS uuid),"
                + " CAST(? AS uuid))", holdId, marker);
        awaitEvent("HoldReleased", marker);
        assertThat(status(holdId)).isEqualTo("BOOKED");
        assertThat(held(office, date, "AFTERNOON")).isEqualTo(1);

        // the office's officers see it in the day's list; officers of another office do not
        given().auth().oauth2(TestJwt.officer("off-1", office)).queryParam("date", date.toString())
                .when().get("/offices/" + office + "/bookings")
                .then().statusCode(200).body("bookingId", contains(holdId)).body("[0].niks", contains(nik));
        given().auth().oauth2(TestJwt.officer("off-2", "SBY")).queryParam("date", date.toString())
                .when().get("/offices/" + office + "/bookings")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void billingExpiredReleasesTheHoldBackToTheCalendar() {
        String office = "PNK";
        LocalDate date = weekday(25);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        String holdId = Quota.held(Quota.account(), office, date, "MORNING", List.of(nik(), nik()));
        assertThat(held(office, date, "MORNING")).isEqualTo(2);

        expired(UUID.randomUUID().toString(), "app-" + holdId, holdId);

        var released = awaitEvent("HoldReleased", holdId);
        assertThat(Quota.data(released.value())).contains("\"reason\":\"BILLING_EXPIRED\"");
        assertThat(held(office, date, "MORNING")).isZero();
        assertThat(count("SELECT count(*) FROM hold_nik WHERE hold_id = CAST(? AS uuid) AND active", holdId)).isZero();
    }

    @Test
    void applicationCancelledReleasesEvenAPaidBooking() {
        String office = "PKY";
        LocalDate date = weekday(25);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        String account = Quota.account();
        String holdId = Quota.held(account, office, date, "MORNING", List.of(nik()));
        String applicationId = "app-" + holdId;
        paid(applicationId, holdId);
        awaitEvent("HoldConfirmed", holdId);

        Quota.publish(kafka, "application.events", UUID.randomUUID().toString(), "/mpaspor/application-service",
                "mpaspor.application.ApplicationCancelled.v1", applicationId, "{\"applicationId\":\"" + applicationId
                        + "\",\"accountId\":\"" + account + "\",\"holdId\":\"" + holdId
                        + "\",\"reason\":\"applicant withdrew\",\"cancelledAt\":\"" + Instant.now() + "\"}");

        var released = awaitEvent("HoldReleased", holdId);
        assertThat(Quota.data(released.value())).contains("\"reason\":\"APPLICATION_CANCELLED\"")
                .contains("\"applicationId\":\"" + applicationId + "\"");
        assertThat(held(office, date, "MORNING")).isZero();
    }

    @Test
    void redeliveredEventsChangeNothingTwice() {
        String office = "BKL";
        LocalDate date = weekday(25);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
        String twice = Quota.held(Quota.account(), office, date, "MORNING", List.of(nik(), nik()));
        Quota.held(Quota.account(), office, date, "MORNING", List.of(nik()));
        String marker = Quota.held(Quota.account(), office, date, "AFTERNOON", List.of(nik()));
        assertThat(held(office, date, "MORNING")).isEqualTo(3);
        String applicationId = "app-" + twice;
        String eventId = UUID.randomUUID().toString();

        expired(eventId, applicationId, twice);
        expired(eventId, applicationId, twice);                       // Kafka redelivery: same event id
        expired(UUID.randomUUID().toString(), applicationId, twice);  // the producer said it again: same effect
        paid(applicationId, twice);                                   // too late: the slot is gone
        expired(UUID.randomUUID().toString(), applicationId, marker); // same key, so consumed after the others

        awaitEvent("HoldReleased", marker);
        assertThat(held(office, date, "MORNING")).as("two places freed once, the other hold kept").isEqualTo(1);
        assertThat(status(twice)).isEqualTo("RELEASED");
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = 'mpaspor.quota.HoldReleased.v1'",
                twice)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = 'mpaspor.quota.HoldConfirmed.v1'",
                twice)).isZero();
        assertThat(count("SELECT count(*) FROM inbox WHERE consumer = 'quota' AND event_id = ?", eventId)).isEqualTo(1);
    }
}
