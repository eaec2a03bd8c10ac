package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.OTHER_OFFICE;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.checkIn;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.decide;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.face;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.interview;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.issue;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officer;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officerOf;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.outboxEvents;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.scheduleOne;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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

/** Officers act only on appointments of their own office (the office_code claim of their token). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OfficeAccessTest {

    private static final LocalDate DAY = LocalDate.of(2027, 9, 7);

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void officerOfAnotherOfficeIsRefusedAtEveryStepAndNothingChanges() {
        Booked b = scheduleOne(DAY, "ORDINARY");
        clock.setOfficeTime(DAY, LocalTime.of(9, 0));
        String stranger = officerOf(OTHER_OFFICE);
        String own = officer();

        checkIn(stranger, b.bookingCode(), b.nik()).statusCode(403);
        checkIn(own, b.bookingCode(), b.nik()).statusCode(200);

        given().auth().oauth2(stranger).when().get("/appointments/" + b.id()).then().statusCode(403)
                .contentType("application/problem+json");
        interview(stranger, b.id(), "VERIFIED", null).statusCode(403)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/forbidden"));
        assertThat(status(b.id())).isEqualTo("CHECKED_IN");
        interview(own, b.id(), "VERIFIED", null).statusCode(200);
        face(stranger, b.id(), 90, true).statusCode(403);
        decide(stranger, b.id(), "REJECT", "not mine").statusCode(403);
        issue(stranger, b.id()).statusCode(403);
        assertThat(status(b.id())).isEqualTo("INTERVIEWED");
        assertThat(outboxEvents(b.applicationId(), "ApplicationRejected")).isZero();

        // the day list shows each officer only their own office
        given().auth().oauth2(own).queryParam("date", DAY.toString()).when().get("/office/appointments").then()
                .statusCode(200).body("id", hasItem(b.id()));
        given().auth().oauth2(stranger).queryParam("date", DAY.toString()).when().get("/office/appointments").then()
                .statusCode(200).body("id", not(hasItem(b.id())));
        // an officer token without an office claim acts nowhere
        String noOffice = TestJwt.sign(TestJwt.claims("officer-x", "officer"));
        checkIn(noOffice, b.bookingCode(), b.nik()).statusCode(403);
    }
}
