package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The status check without login (issue 22): the application number and one applicant's NIK and birth date give
 * the state and nothing else; every mismatch is the same 404, malformed input a 400 by field, and nothing changes.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StatusCheckTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    private static ValidatableResponse check(Object applicationId, Object nik, Object birthDate) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("applicationId", applicationId);
        body.put("nik", nik);
        body.put("birthDate", birthDate);
        return given().header("Accept-Language", "en").contentType(ContentType.JSON).body(body).when()
                .post("/application-status").then();
    }

    @Test
    void theNumberANikAndItsBirthDateGiveTheStateAndNothingElse() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> person = adult("Hendra Gunawan");
        addApplicant(account, app, person);
        String nik = (String) person.get("nik");
        String born = (String) person.get("birthDate");

        Map<String, Object> state = check(app, nik, born).statusCode(200).contentType(ContentType.JSON)
                .body("status", equalTo("DRAFT")).extract().jsonPath().getMap("");
        assertThat(state.keySet()).as("the state only: no name, office, date or document").containsExactlyInAnyOrder(
                "status", "since");
        // the same as the owner sees
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then().statusCode(200)
                .body("status", equalTo("DRAFT"));

        // cancelled (its applicants deactivated): still answered
        given().auth().oauth2(token(account)).when().post("/applications/{id}/cancellation", app).then()
                .statusCode(202);
        check(app, nik, born).statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void everyMismatchIsTheSame404AndBadInputIsNamedByField() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> person = adult("Wulan Sari");
        addApplicant(account, app, person);
        String nik = (String) person.get("nik");
        LocalDate born = LocalDate.parse((String) person.get("birthDate"));
        String otherNik = (String) adult("Orang Lain").get("nik");

        for (ValidatableResponse miss : new ValidatableResponse[] {
                check(app, nik, born.plusDays(1).toString()),
                check(app, otherNik, born.toString()),
                check(UUID.randomUUID().toString(), nik, born.toString()) }) {
            miss.statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "application-status-not-found"))
                    .body("detail", containsString("Check all three"));
        }
        check("APP-123", "12345", "1 Januari 1990").statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("applicationId", "nik", "birthDate"));
        check(null, null, null).statusCode(400).body("errors.field",
                containsInAnyOrder("applicationId", "nik", "birthDate"));
        given().header("Accept-Language", "id").contentType(ContentType.JSON).body("{\"applicationId\":\"" + app
                + "\",\"nik\":\"" + nik + "\",\"birthDate\":\"" + born.minusYears(1) + "\"}").when()
                .post("/application-status").then().statusCode(404)
                .body("title", equalTo("Permohonan tidak ditemukan"));
        // the misses locked nothing: the right three still answer
        check(app, nik, born.toString()).statusCode(200).body("status", equalTo("DRAFT"));
    }
}
