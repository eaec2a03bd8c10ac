package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Assisted registration (issue 19): an officer acting for a person with a desk session's token uses this API as the
 * person would; the application is the person's (they read it with their own token, the officer's own token does not
 * own it), and its timeline records which officer of which office did the step.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeskAssistanceTest {

    @Test
    void anApplicationMadeAtTheDeskIsThePersonsAndItsTimelineNamesTheOfficer() {
        String person = newAccount();
        String officer = UUID.randomUUID().toString();
        String desk = TestJwt.assisted(person, officer, "JKTSEL");
        String app = given().auth().oauth2(desk).when().post("/applications").then().statusCode(201)
                .extract().path("id");

        Map<String, Object> created = given().auth().oauth2(token(person)).get("/applications/{id}", app).then()
                .statusCode(200).extract().path("timeline.find { it.kind == 'CREATED' }");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) created.get("details");
        assertThat(details).containsEntry("assistedBy", officer).containsEntry("assistedAtOffice", "JKTSEL");

        // the officer's own token owns nothing; another person's token finds nothing
        given().auth().oauth2(TestJwt.applicant(officer)).get("/applications/{id}", app).then().statusCode(404);
        given().auth().oauth2(token(newAccount())).get("/applications/{id}", app).then().statusCode(404);

        // made online, the same step names nobody
        String own = createApplication(person);
        Map<String, Object> online = given().auth().oauth2(token(person)).get("/applications/{id}", own).then()
                .statusCode(200).extract().path("timeline.find { it.kind == 'CREATED' }");
        assertThat(String.valueOf(online.get("details"))).doesNotContain("assistedBy");
    }
}
