package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.checkIn;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.count;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.face;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.interview;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officer;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.scheduleOne;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.Booked;
import id.go.imigrasi.mpaspor.biometric.support.PosStubResource;
import id.go.imigrasi.mpaspor.biometric.support.TestClock;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 23, read audit: an officer's first read of an applicant's biometric results each day is recorded and announced
 * (BiometricResultsRead, for the owner's timeline); reloading the page adds nothing, the owner's own reads add nothing,
 * and the lists (the day, the desk search) carry no results at all.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ResultsReadAuditTest {

    private static final LocalDate DAY = LocalDate.of(2027, 10, 5);
    private static final String READ = "SELECT count(*) FROM outbox WHERE aggregate_id = ?"
            + " AND type = 'mpaspor.biometric.BiometricResultsRead.v1'";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anOfficersFirstReadOfTheResultsEachDayIsRecordedAndListsCarryNone() {
        String officer = officer();
        Booked b = scheduleOne(DAY, "ELECTRONIC");
        clock.setOfficeTime(DAY, LocalTime.of(9, 0));
        checkIn(officer, b.bookingCode(), b.nik()).statusCode(200);
        interview(officer, b.id(), "VERIFIED", null).statusCode(200);
        // no results yet: reading the appointment records nothing
        given().auth().oauth2(officer).get("/appointments/{id}", b.id()).then().statusCode(200);
        assertThat(count(READ, b.applicationId())).isZero();

        face(officer, b.id(), 91, true).statusCode(200);
        given().auth().oauth2(officer).get("/appointments/{id}", b.id()).then().statusCode(200)
                .body("capture.face.score", equalTo(91));
        given().auth().oauth2(officer).get("/appointments/{id}", b.id()).then().statusCode(200);
        assertThat(count(READ, b.applicationId())).as("reloads add nothing").isOne();
        assertThat(count("SELECT count(*) FROM results_read WHERE appointment_id = ?::uuid", b.id())).isOne();

        // the owner reading their own results is not an officer's read
        given().auth().oauth2(TestJwt.applicant(b.accountId())).get("/appointments/{id}", b.id()).then()
                .statusCode(200).body("capture.face.score", equalTo(91));
        assertThat(count(READ, b.applicationId())).isOne();

        // the next day the same officer's read is recorded again
        clock.setOfficeTime(DAY.plusDays(1), LocalTime.of(9, 0));
        given().auth().oauth2(officer).get("/appointments/{id}", b.id()).then().statusCode(200);
        assertThat(count(READ, b.applicationId())).isEqualTo(2);

        // the day list and the desk search give no results: only the one appointment's (recorded) read does
        given().auth().oauth2(officer).get("/office/appointments?date=" + DAY).then().statusCode(200)
                .body("find { it.id == '" + b.id() + "' }.status", notNullValue())
                .body("find { it.id == '" + b.id() + "' }.capture", nullValue());
        given().auth().oauth2(officer).get("/office/appointments/search?q=" + b.bookingCode()).then().statusCode(200)
                .body("[0].capture", nullValue());
        assertThat(count(READ, b.applicationId())).isEqualTo(2);
        assertThat(RealInfrastructure.database().rows("SELECT payload FROM outbox WHERE aggregate_id = ? AND type ="
                + " 'mpaspor.biometric.BiometricResultsRead.v1'", b.applicationId()).get(0).get("payload").toString())
                .contains(b.applicantId(), "\"officeCode\":\"JKTSEL\"");
    }
}
