package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.applicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.questionnaire;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.registeredNik;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

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
 * The account holder declares on what grounds they enter each applicant's data (issue 23): a child only as parent
 * or legal guardian; the declaration and its time are on the applicant's view.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthorityDeclarationTest {

    private static final String PROBLEM = "https://mpaspor.imigrasi.go.id/problems/authority-not-declared";

    private static ValidatableResponse post(String account, String app, Map<String, Object> body, String lang) {
        return given().auth().oauth2(token(account)).header("Accept-Language", lang).contentType(ContentType.JSON)
                .body(body).when().post("/applications/{id}/applicants", app).then();
    }

    private static ValidatableResponse put(String account, String app, String applicantId, Map<String, Object> body,
            String lang) {
        return given().auth().oauth2(token(account)).header("Accept-Language", lang).contentType(ContentType.JSON)
                .body(body).when().put("/applications/{id}/applicants/{applicantId}", app, applicantId).then();
    }

    private static Map<String, Object> child(String name) {
        LocalDate born = LocalDate.now().minusYears(9);
        Map<String, Object> child = applicant(name, registeredNik(name, born, "FEMALE"), born, "FEMALE");
        questionnaire(child).put("validityYears", 5);
        return child;
    }

    private static long applicantsOf(String app) {
        return count("SELECT count(*) FROM applicant WHERE application_id = ?::uuid", app);
    }

    @Test
    void aChildDeclaredSelfOrAuthorisedIsRefusedByFieldInBothLanguagesAndNothingIsAdded() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> child = child("Putri Ayu");
        child.put("authority", "SELF");
        post(account, app, child, "id").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM))
                .body("title", equalTo("Dasar kewenangan belum dinyatakan"))
                .body("errors.field", contains("authority"))
                .body("errors.code", contains("validation.authority-minor"))
                .body("errors.message", contains(
                        "pemohon di bawah 17 tahun hanya dapat diajukan oleh orang tua atau wali yang sah"));
        child.put("authority", "authorised");
        post(account, app, child, "en").statusCode(422)
                .body("title", equalTo("Authority not declared"))
                .body("errors.field", contains("authority"))
                .body("errors.message", contains("an applicant under 17 can only be entered by a parent or legal guardian"));
        assertThat(applicantsOf(app)).isZero();
    }

    @Test
    void aMissingOrUnknownDeclarationIsAFieldError() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> person = adult("Tanpa Dasar");
        person.remove("authority");
        post(account, app, person, "en").statusCode(422).body("type", equalTo(PROBLEM))
                .body("errors.code", contains("validation.authority-required"));
        person.put("authority", "NEIGHBOUR");
        post(account, app, person, "id").statusCode(422)
                .body("errors.code", contains("validation.authority-value"));
        // with other field errors, all come back at once
        person.remove("authority");
        person.remove("motherName");
        post(account, app, person, "id").statusCode(400)
                .body("errors.field", hasItem("authority")).body("errors.field", hasItem("motherName"));
        assertThat(applicantsOf(app)).isZero();
    }

    @Test
    void aChildDeclaredByAParentIsAddedAndTheDeclarationIsOnTheView() {
        String account = newAccount();
        String app = createApplication(account);
        Instant before = Instant.now();
        Map<String, Object> child = child("Bima Sakti");
        child.put("authority", "PARENT");
        String childId = addApplicant(account, app, child);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then().statusCode(200)
                .body("applicants[0].id", equalTo(childId))
                .body("applicants[0].minor", equalTo(true))
                .body("applicants[0].authority.declaration", equalTo("PARENT"))
                .body("applicants[0].authority.declaredAt", notNullValue());
        assertThat(count("SELECT count(*) FROM applicant WHERE id = ?::uuid AND authority = 'PARENT'"
                + " AND authority_declared_at >= ?", childId, java.sql.Timestamp.from(before.minusSeconds(5))))
                .isOne();
    }

    @Test
    void editingAChildToAnImpossibleDeclarationChangesNothingAndGuardianIsAccepted() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> child = child("Citra Kirana");
        String childId = addApplicant(account, app, child);
        child.put("authority", "AUTHORISED");
        child.put("address", "Jl. Lain No. 2, Bandung");
        put(account, app, childId, child, "en").statusCode(422).body("errors.field", contains("authority"));
        assertThat(count("SELECT count(*) FROM applicant WHERE id = ?::uuid AND authority = 'PARENT'"
                + " AND address = 'Jl. Merdeka No. 1, Jakarta Pusat'", childId)).isOne();

        child.put("authority", "GUARDIAN");
        put(account, app, childId, child, "en").statusCode(200);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then().statusCode(200)
                .body("applicants[0].authority.declaration", equalTo("GUARDIAN"))
                .body("applicants[0].address", equalTo("Jl. Lain No. 2, Bandung"));
    }

    @Test
    void anAdultMayBeDeclaredAuthorised() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> sister = adult("Kakak Dewi");
        sister.put("authority", "AUTHORISED");
        String id = addApplicant(account, app, sister);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then().statusCode(200)
                .body("applicants[0].authority.declaration", equalTo("AUTHORISED"));
        // an applicant entered before the declaration was asked (the migration leaves them without one) shows none
        RealInfrastructure.database().update("UPDATE applicant SET authority = NULL, authority_declared_at = NULL"
                + " WHERE id = ?::uuid", id);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then().statusCode(200)
                .body("applicants[0].fullName", equalTo("Kakak Dewi"))
                .body("applicants[0].authority", nullValue());
    }
}
