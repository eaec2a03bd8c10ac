package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.holdJson;
import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.value;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Walk-in places (issue 19): the PRIORITY_WALK_IN line is taken only by an officer of the hold's office acting for the
 * person at the desk (a desk session's token: the person's, with the officer in {@code act}), never online, and its
 * places are the line's own: the online lines' counts do not move.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class WalkInAtTheDeskTest {

    private static final String OFFICE = "AMB";
    private static final LocalDate DATE = weekday(53);

    private static ValidatableResponse hold(String token, String service, List<String> niks) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(holdJson(OFFICE, DATE, "AFTERNOON", service, niks)).when().post("/holds").then();
    }

    private static int held(String service) {
        return ((Number) value("SELECT held FROM capacity WHERE office_code = ? AND date = ? AND service = ?"
                + " AND session = 'AFTERNOON'", OFFICE, DATE, service)).intValue();
    }

    @Test
    void onlyAnOfficerOfTheOfficeActingForThePersonTakesAWalkInPlace() {
        Quota.release(OFFICE, DATE, DATE, Instant.now().minusSeconds(1)).statusCode(201);
        String person = UUID.randomUUID().toString();
        List<String> niks = List.of(nik());
        Quota.applicants(person, niks);
        int regularBefore = held("REGULAR");
        int walkInBefore = held("PRIORITY_WALK_IN");

        // online, or a desk of another office: a field error on the line, nothing taken
        hold(TestJwt.applicant(person), "PRIORITY_WALK_IN", niks).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("service"));
        hold(TestJwt.assisted(person, UUID.randomUUID().toString(), "JKTSEL"), "PRIORITY_WALK_IN", niks)
                .statusCode(400).body("errors[0].field", equalTo("service"));
        assertThat(held("PRIORITY_WALK_IN")).isEqualTo(walkInBefore);

        // the office's own desk, acting for the person: a walk-in place, from the line's own capacity
        hold(TestJwt.assisted(person, UUID.randomUUID().toString(), OFFICE), "PRIORITY_WALK_IN", niks)
                .statusCode(201).body("service", equalTo("PRIORITY_WALK_IN"))
                .body("status", equalTo("HELD"));
        assertThat(held("PRIORITY_WALK_IN")).isEqualTo(walkInBefore + 1);
        assertThat(held("REGULAR")).isEqualTo(regularBefore);
        assertThat(value("SELECT account_id FROM hold WHERE niks = ? AND service = 'PRIORITY_WALK_IN'", niks.get(0)))
                .isEqualTo(person);

        // the walk-in calendar: the office's own desk only
        String calendar = "/offices/" + OFFICE + "/calendar?service=PRIORITY_WALK_IN&from=" + DATE + "&to=" + DATE;
        given().auth().oauth2(TestJwt.assisted(person, UUID.randomUUID().toString(), OFFICE)).get(calendar)
                .then().statusCode(200);
        given().auth().oauth2(TestJwt.applicant(person)).get(calendar).then().statusCode(400)
                .body("errors[0].field", equalTo("service"));
        given().get(calendar).then().statusCode(400);
    }

    @Test
    void walkInPlacesAreForTodayTooTheOnlineLinesKeepTheirLeadDays() {
        assertThat(ServiceLine.PRIORITY_WALK_IN.leadDays(1)).isZero();
        assertThat(ServiceLine.REGULAR.leadDays(1)).isEqualTo(1);
        assertThat(ServiceLine.SAME_DAY.leadDays(2)).isEqualTo(2);
        assertThat(ServiceLine.PRIORITY_WALK_IN.bookableBy(null, OFFICE)).isFalse();
        assertThat(ServiceLine.PRIORITY_WALK_IN.bookableBy("JKTSEL", OFFICE)).isFalse();
        assertThat(ServiceLine.PRIORITY_WALK_IN.bookableBy(OFFICE, OFFICE)).isTrue();
        assertThat(ServiceLine.REGULAR.bookableBy(null, OFFICE)).isTrue();
    }
}
