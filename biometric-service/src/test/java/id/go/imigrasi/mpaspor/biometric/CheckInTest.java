package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.OTHER_OFFICE;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.checkIn;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.data;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.kafka;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.nik;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officer;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officerOf;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.outboxEvents;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.post;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.scheduleOne;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

/**
 * Check-in at the office: on the appointment date, at the booked office, with the booked NIK on the original
 * e-KTP; every other case is a precise problem and changes nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CheckInTest {

    private static final LocalDate DAY = LocalDate.of(2027, 4, 6);
    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void officerChecksInTheBookedApplicantOnTheDayAndCheckedInIsPublished() {
        Booked b = scheduleOne(DAY, "ORDINARY");
        clock.setOfficeTime(DAY, LocalTime.of(8, 15));

        // typed in lower case with spaces: accepted
        checkIn(officer(), " " + b.bookingCode().toLowerCase() + " ", b.nik()).statusCode(200)
                .body("id", equalTo(b.id()))
                .body("status", equalTo("CHECKED_IN"))
                .body("checkedInAt", notNullValue());
        assertThat(status(b.id())).isEqualTo("CHECKED_IN");

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var event = data(probe.await(r -> b.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.CheckedIn.v1"), Duration.ofSeconds(30)));
            assertThat(event.get("appointmentId").asText()).isEqualTo(b.id());
            assertThat(event.get("officeCode").asText()).isEqualTo("JKTSEL");
        }
    }

    @Test
    void secondCheckInIsRefusedAsAlreadyCheckedIn() {
        Booked b = scheduleOne(DAY, "ORDINARY");
        clock.setOfficeTime(DAY, LocalTime.of(9, 0));
        checkIn(officer(), b.bookingCode(), b.nik()).statusCode(200);

        checkIn(officer(), b.bookingCode(), b.nik()).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "already-checked-in"));
        assertThat(outboxEvents(b.applicationId(), "CheckedIn")).isEqualTo(1);
    }

    @Test
    void fiveCountersScanningTheSameCodeAtOnceCheckInOnce() throws Exception {
        Booked b = scheduleOne(DAY, "ORDINARY");
        clock.setOfficeTime(DAY, LocalTime.of(9, 0));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return checkIn(officer(), b.bookingCode(), b.nik()).extract().statusCode();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(outboxEvents(b.applicationId(), "CheckedIn")).isEqualTo(1);
    }

    @Test
    void checkInOnAnotherDayIsRefusedAsWrongDate() {
        Booked b = scheduleOne(DAY, "ORDINARY");
        clock.setOfficeTime(DAY.minusDays(1), LocalTime.of(9, 0));
        given().auth().oauth2(officer()).header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("bookingCode", b.bookingCode(), "nik", b.nik()))
                .when().post("/office/check-in").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "wrong-appointment-date"))
                .body("title", equalTo("Not the appointment date"))
                .body("detail", containsString("2027-04-06"));
        // just after midnight in Jakarta the day is over, although in UTC it is still the appointment date
        clock.setOfficeTime(DAY.plusDays(1), LocalTime.of(0, 30));
        checkIn(officer(), b.bookingCode(), b.nik()).statusCode(422)
                .body("type", equalTo(PROBLEMS + "wrong-appointment-date"))
                .body("title", equalTo("Bukan tanggal kedatangan"));
        assertThat(status(b.id())).isEqualTo("SCHEDULED");
    }

    @Test
    void officerOfAnotherOfficeIsRefusedAsWrongOffice() {
        Booked b = scheduleOne(DAY, "ORDINARY");
        clock.setOfficeTime(DAY, LocalTime.of(9, 0));
        checkIn(officerOf(OTHER_OFFICE), b.bookingCode(), b.nik()).statusCode(403)
                .body("type", equalTo(PROBLEMS + "wrong-office"))
                .body("detail", containsString("JKTSEL"));
        assertThat(status(b.id())).isEqualTo("SCHEDULED");
    }

    @Test
    void unknownBookingCodeIsRefused() {
        clock.setOfficeTime(DAY, LocalTime.of(9, 0));
        checkIn(officer(), "ZZZZ2222", nik()).statusCode(404)
                .body("type", equalTo(PROBLEMS + "unknown-booking-code"));
    }

    @Test
    void nikOfTheOriginalEktpMustBeTheBookedNikSoAResoldSlotFails() {
        Booked b = scheduleOne(DAY, "ORDINARY");
        clock.setOfficeTime(DAY, LocalTime.of(9, 0));
        checkIn(officer(), b.bookingCode(), nik()).statusCode(422)
                .body("type", equalTo(PROBLEMS + "nik-mismatch"));
        assertThat(status(b.id())).isEqualTo("SCHEDULED");
        assertThat(outboxEvents(b.applicationId(), "CheckedIn")).isZero();
        // ops see resold slots turning up at the counter
        given().when().get("/q/metrics").then().statusCode(200).body(containsString(
                "mpaspor_biometric_checkins_refused_total{office=\"JKTSEL\",reason=\"nik-mismatch\"}"));
    }

    @Test
    void malformedInputIsAFieldErrorAndChangesNothing() {
        Booked b = scheduleOne(DAY, "ORDINARY");
        clock.setOfficeTime(DAY, LocalTime.of(9, 0));
        checkIn(officer(), "O0I1", b.nik()).statusCode(400)
                .body("errors[0].field", equalTo("bookingCode"))
                .body("errors[0].code", equalTo("validation.booking-code-format"));
        checkIn(officer(), b.bookingCode(), "12345").statusCode(400)
                .body("errors[0].field", equalTo("nik"));
        post(officer(), "/office/check-in", "{\"bookingCode\":").statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"));
        post(officer(), "/office/check-in", null).statusCode(400);
        assertThat(status(b.id())).isEqualTo("SCHEDULED");
    }

    @Test
    void applicantsCannotUseTheOfficeDesk() {
        Booked b = scheduleOne(DAY, "ORDINARY");
        clock.setOfficeTime(DAY, LocalTime.of(9, 0));
        checkIn(TestJwt.applicant(b.accountId()), b.bookingCode(), b.nik()).statusCode(403);
        assertThat(status(b.id())).isEqualTo("SCHEDULED");
    }
}
