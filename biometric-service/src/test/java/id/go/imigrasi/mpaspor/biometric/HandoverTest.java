package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.data;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.kafka;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.nik;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officer;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.outboxEvents;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.posUrl;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.post;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.rows;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.scheduleOne;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.status;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.subjectOf;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.throughIssuance;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.biometric.service.Handover;
import id.go.imigrasi.mpaspor.biometric.service.Housekeeping;
import id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.Booked;
import id.go.imigrasi.mpaspor.biometric.support.PosStubResource;
import id.go.imigrasi.mpaspor.biometric.support.TestClock;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The issued passport reaches its holder: pickup by the applicant or a family member of the same family card, or
 * delivery by Pos Indonesia (the stub, over real HTTP) tracked until delivered; nobody collecting it within 30 days
 * cancels it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HandoverTest {

    private static final LocalDate DAY = LocalDate.of(2027, 6, 8);
    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    @Inject
    TestClock clock;

    @Inject
    Handover handover;

    @Inject
    Housekeeping housekeeping;

    @AfterEach
    void realTimeAndPosUp() {
        clock.reset();
        pos("/admin/failure", Map.of("mode", "NONE"));
    }

    private Booked issued(String officer) {
        Booked b = scheduleOne(DAY, "ORDINARY");
        clock.setOfficeTime(DAY, LocalTime.of(9, 0));
        throughIssuance(officer, b);
        return b;
    }

    private static io.restassured.response.ValidatableResponse pos(String path, Object body) {
        return given().contentType("application/json").body(body).when().post(posUrl() + path).then();
    }

    private static Map<String, Object> pickup(String by, String name, String collectorNik, String kk, String applicantKk) {
        Map<String, Object> body = new HashMap<>();
        body.put("collectedBy", by);
        body.put("collectorName", name);
        body.put("collectorNik", collectorNik);
        body.put("familyCardNumber", kk);
        body.put("applicantFamilyCardNumber", applicantKk);
        return body;
    }

    private static Map<String, Object> address() {
        return Map.of("recipientName", "Budi Santoso", "address", "Jl. Melati No. 5, Kebayoran Baru, Jakarta Selatan",
                "postalCode", "12160", "phone", "+6281234567890");
    }

    @Test
    void applicantCollectsWithTheirOwnEktpAndPassportCollectedIsPublished() {
        String officer = officer();
        Booked b = issued(officer);
        post(officer, "/office/appointments/" + b.id() + "/pickup", pickup("APPLICANT", null, nik(), null, null))
                .statusCode(422).body("type", equalTo(PROBLEMS + "nik-mismatch"));
        assertThat(status(b.id())).isEqualTo("ISSUED");

        post(officer, "/office/appointments/" + b.id() + "/pickup", pickup("APPLICANT", null, b.nik(), null, null))
                .statusCode(200).body("status", equalTo("COLLECTED")).body("handover.collectedBy", equalTo("APPLICANT"));
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var collected = data(probe.await(r -> b.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.PassportCollected.v1"), Duration.ofSeconds(30)));
            assertThat(collected.get("collectedBy").asText()).isEqualTo("APPLICANT");
            assertThat(collected.get("passportNumber").asText()).matches("C\\d{7}");
            assertThat(collected.get("officerId").asText()).as("the audit: who handed it over").isEqualTo(subjectOf(officer));
        }
    }

    @Test
    void familyMemberOfTheSameFamilyCardCollectsAndIsRecorded() {
        String officer = officer();
        Booked b = issued(officer);
        String kk = "3171010101230001";
        String collectorNik = nik();
        post(officer, "/office/appointments/" + b.id() + "/pickup",
                pickup("FAMILY_MEMBER", null, collectorNik, null, kk)).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("collectorName", "familyCardNumber"));
        post(officer, "/office/appointments/" + b.id() + "/pickup",
                pickup("FAMILY_MEMBER", "Siti Santoso", collectorNik, "3171010101230002", kk)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "family-card-mismatch"));
        assertThat(status(b.id())).isEqualTo("ISSUED");

        post(officer, "/office/appointments/" + b.id() + "/pickup",
                pickup("FAMILY_MEMBER", "Siti Santoso", collectorNik, kk, kk)).statusCode(200)
                .body("handover.collectedBy", equalTo("FAMILY_MEMBER"))
                .body("handover.collectorName", equalTo("Siti Santoso"));
        Map<String, Object> row = rows("SELECT collector_nik, family_card_number, status FROM appointment WHERE id = ?::uuid",
                b.id()).get(0);
        assertThat(row.get("collector_nik")).isEqualTo(collectorNik);
        assertThat(row.get("family_card_number")).isEqualTo(kk);
        assertThat(outboxEvents(b.applicationId(), "PassportCollected")).isEqualTo(1);
    }

    @Test
    void posDeliveryGetsATrackingNumberAndIsTrackedUntilDelivered() throws Throwable {
        String officer = officer();
        Booked b = issued(officer);
        String tracking = post(officer, "/office/appointments/" + b.id() + "/delivery", address()).statusCode(200)
                .body("status", equalTo("IN_DELIVERY"))
                .body("handover.method", equalTo("POS"))
                .body("handover.posStatus", equalTo("CREATED"))
                .body("handover.trackingNumber", matchesPattern("P\\d{13}"))
                .extract().path("handover.trackingNumber");

        // Pos moves the parcel on; each poll records what Pos reports
        pos("/admin/shipments/" + tracking + "/advance", Map.of()).statusCode(200);
        VertxContextSupport.subscribeAndAwait(() -> handover.pollDeliveries());
        given().auth().oauth2(TestJwt.applicant(b.accountId())).when().get("/appointments/" + b.id()).then()
                .statusCode(200).body("handover.posStatus", equalTo("PICKED_UP")).body("status", equalTo("IN_DELIVERY"));
        assertThat(outboxEvents(b.applicationId(), "PassportDelivered")).isZero();

        pos("/admin/shipments/" + tracking + "/status", Map.of("status", "DELIVERED")).statusCode(200);
        int delivered = VertxContextSupport.subscribeAndAwait(() -> handover.pollDeliveries());
        assertThat(delivered).isGreaterThanOrEqualTo(1);
        assertThat(status(b.id())).isEqualTo("DELIVERED");
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var event = data(probe.await(r -> b.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.PassportDelivered.v1"), Duration.ofSeconds(30)));
            assertThat(event.get("method").asText()).isEqualTo("POS");
            assertThat(event.get("trackingNumber").asText()).isEqualTo(tracking);
        }
        // polling again changes nothing
        VertxContextSupport.subscribeAndAwait(() -> handover.pollDeliveries());
        assertThat(outboxEvents(b.applicationId(), "PassportDelivered")).isEqualTo(1);
    }

    @Test
    void posUnavailableIsA503WithRetryAfterAndNothingChanges() {
        String officer = officer();
        Booked b = issued(officer);
        pos("/admin/failure", Map.of("mode", "UNAVAILABLE")).statusCode(200);
        post(officer, "/office/appointments/" + b.id() + "/delivery", address()).statusCode(503)
                .header("Retry-After", notNullValue())
                .body("type", equalTo(PROBLEMS + "pos-unavailable"));
        assertThat(status(b.id())).isEqualTo("ISSUED");

        pos("/admin/failure", Map.of("mode", "NONE")).statusCode(200);
        post(officer, "/office/appointments/" + b.id() + "/delivery", address()).statusCode(200)
                .body("status", equalTo("IN_DELIVERY"));
    }

    @Test
    void hangingPosIsCutOffByTheTimeoutInsteadOfHoldingTheOfficer() {
        String officer = officer();
        Booked b = issued(officer);
        pos("/admin/failure", Map.of("mode", "HANG")).statusCode(200);
        long start = System.nanoTime();
        post(officer, "/office/appointments/" + b.id() + "/delivery", address()).statusCode(503)
                .body("type", equalTo(PROBLEMS + "pos-unavailable"));
        // 3 attempts of at most 1.5 s (test read timeout) plus the short retry delays
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(status(b.id())).isEqualTo("ISSUED");
    }

    @Test
    void badDeliveryAddressIsAFieldError() {
        String officer = officer();
        Booked b = issued(officer);
        post(officer, "/office/appointments/" + b.id() + "/delivery",
                Map.of("recipientName", "Budi", "address", "Jl. Melati 5", "postalCode", "12A")).statusCode(400)
                .body("errors[0].field", equalTo("postalCode"));
        assertThat(status(b.id())).isEqualTo("ISSUED");
    }

    @Test
    void passportNotCollectedWithinThirtyDaysIsCancelledWithAnEvent() throws Throwable {
        String officer = officer();
        Booked b = issued(officer);
        clock.setOfficeTime(DAY.plusDays(29), LocalTime.of(23, 0));
        VertxContextSupport.subscribeAndAwait(() -> housekeeping.cancelUncollected());
        assertThat(status(b.id())).isEqualTo("ISSUED");

        clock.setOfficeTime(DAY.plusDays(30), LocalTime.of(9, 1));
        VertxContextSupport.subscribeAndAwait(() -> housekeeping.cancelUncollected());
        assertThat(status(b.id())).isEqualTo("UNCOLLECTED");
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var event = data(probe.await(r -> b.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.PassportCancelled.v1"), Duration.ofSeconds(30)));
            assertThat(event.get("reason").asText()).isEqualTo("NOT_COLLECTED");
        }
        post(officer, "/office/appointments/" + b.id() + "/pickup", pickup("APPLICANT", null, b.nik(), null, null))
                .statusCode(409).body("type", equalTo(PROBLEMS + "wrong-step"));
    }
}
