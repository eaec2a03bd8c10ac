package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.OTHER_OFFICE;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.applicant;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.newId;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officer;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officerOf;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.schedule;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.submitted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.Booked;
import id.go.imigrasi.mpaspor.biometric.support.PosStubResource;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The officer's search at the desk (issue 22): by NIK, booking code or a part of the name, in the officer's own
 * office only; what cannot be searched is a 400 by field, and an account without an office gets 403.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeskSearchTest {

    private static ValidatableResponse search(String token, String q) {
        return given().auth().oauth2(token).header("Accept-Language", "en").queryParam("q", q).when()
                .get("/office/appointments/search").then();
    }

    @Test
    void anOfficerFindsTheirOfficesApplicantByNikCodeOrNameAndNeverAnotherOffices() {
        String marker = new java.util.Random().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String name = "Ratna Kumalasari " + marker;
        Booked here = schedule(submitted(newId("acc"), LocalDate.now().plusDays(3), applicant(name, "ORDINARY")))
                .get(0);
        // the same name at another office, on its own application
        ApplicationSubmitted elsewhere = new ApplicationSubmitted(newId("app"), newId("acc"), newId("hold"),
                OTHER_OFFICE, LocalDate.now().plusDays(3), "MORNING", List.of(applicant(name, "ORDINARY")),
                Instant.now(), "REGULAR");
        Booked there = schedule(elsewhere).get(0);
        String officer = officer();

        search(officer, here.nik()).statusCode(200).body("id", contains(here.id()));
        // as printed on the e-KTP, with spaces
        search(officer, here.nik().replaceAll("(\\d{4})", "$1 ")).statusCode(200).body("id", contains(here.id()));
        search(officer, here.bookingCode().toLowerCase()).statusCode(200).body("id", hasItem(here.id()));
        search(officer, "kumalasari " + marker.toUpperCase()).statusCode(200).body("id", contains(here.id()))
                .body("bookingCode", contains(here.bookingCode()));
        // the other office's applicant is found only by that office's officers
        search(officer, there.nik()).statusCode(200).body("", empty());
        search(officer, there.bookingCode()).statusCode(200).body("id", not(hasItem(there.id())));
        search(officerOf(OTHER_OFFICE), "Kumalasari " + marker).statusCode(200).body("id", contains(there.id()));
        // % and _ are letters here, not wildcards
        search(officer, "%%%_" + marker).statusCode(200).body("", empty());
        search(officer, "Ratna").statusCode(200).body("officeCode", everyItem(equalTo("JKTSEL")));
    }

    @Test
    void whatCannotBeSearchedIsRefusedByField() {
        search(officer(), "ab").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q")).body("errors[0].message", equalTo(
                        "type a NIK (16 digits), a booking code, a passport number, or at least 3 letters of a name"));
        search(officer(), null).statusCode(400).body("errors[0].field", equalTo("q"));
        search(officer(), "x".repeat(101)).statusCode(400);
        search(TestJwt.applicant(newId("acc")), "Ratna").statusCode(403);
    }
}
