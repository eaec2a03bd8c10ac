package id.go.imigrasi.mpaspor.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The public document advisor answers from the same matrix as an application's checklist, without an account, and
 * refuses bad questions field by field in the asker's language.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DocumentAdviceTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    @Test
    void anAdultsNewPassportNeedsEktpKkAndOneProofOfBirthDataWithoutAnAccount() {
        given().queryParam("applicationType", "NEW").when().get("/document-requirements").then()
                .statusCode(200)
                .body("applicationType", equalTo("NEW"))
                .body("minor", equalTo(false))
                .body("bookableOnline", equalTo(true))
                .body("maxValidityYears", nullValue())
                .body("documents.code", contains("EKTP", "KK", "PROOF_OF_BIRTH_DATA"))
                .body("documents.find { it.code == 'PROOF_OF_BIRTH_DATA' }.acceptedDocuments",
                        contains("BIRTH_CERTIFICATE", "DIPLOMA", "MARRIAGE_BOOK", "BAPTISM_LETTER"))
                .body("bringToTheOffice", empty())
                .body("limits.acceptedTypes", hasItem("application/pdf"))
                .body("limits.maxBytes", equalTo(2 * 1024 * 1024));
    }

    @Test
    void aBirthDateUnderTheAdultAgeGivesTheMinorsSetAndTheirValidityLimit() {
        String tenYearsOld = LocalDate.now().minusYears(10).toString();
        given().queryParam("applicationType", "new").queryParam("birthDate", tenYearsOld)
                .queryParam("minor", "false") // the birth date wins
                .when().get("/document-requirements").then()
                .statusCode(200)
                .body("minor", equalTo(true))
                .body("maxValidityYears", equalTo(5))
                .body("documents.code", contains("KK", "BIRTH_CERTIFICATE", "FATHER_EKTP", "MOTHER_EKTP",
                        "PARENTS_MARRIAGE_BOOK", "PARENTS_PASSPORT", "PARENTAL_STATEMENT"))
                .body("documents.find { it.code == 'PARENTS_PASSPORT' }.required", equalTo(false))
                .body("documents.find { it.code == 'KK' }.required", equalTo(true));
    }

    @Test
    void renewalAndNameChangeAddTheOldPassportAndTheCourtOrder() {
        given().queryParam("applicationType", "RENEWAL").when().get("/document-requirements").then()
                .statusCode(200).body("documents.code", contains("EKTP", "KK", "OLD_PASSPORT"));
        given().queryParam("applicationType", "NAME_CHANGE").queryParam("minor", "false")
                .when().get("/document-requirements").then()
                .statusCode(200).body("documents.code", contains("EKTP", "KK", "OLD_PASSPORT", "NAME_CHANGE_ORDER"));
    }

    @Test
    void lostAndDamagedPassportsAreNotBookableOnlineAndSayWhatToBringToTheOffice() {
        given().queryParam("applicationType", "LOST").when().get("/document-requirements").then()
                .statusCode(200)
                .body("bookableOnline", equalTo(false))
                .body("documents", empty())
                .body("bringToTheOffice", contains("EKTP", "KK", "POLICE_REPORT_OF_LOSS"));
        given().queryParam("applicationType", "DAMAGED").queryParam("minor", "true")
                .when().get("/document-requirements").then()
                .statusCode(200)
                .body("bringToTheOffice", contains("KK", "BIRTH_CERTIFICATE", "FATHER_EKTP", "MOTHER_EKTP",
                        "DAMAGED_PASSPORT"));
    }

    @Test
    void badQuestionsAreRefusedFieldByFieldInTheAskersLanguage() {
        given().header("Accept-Language", "id").when().get("/document-requirements").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors[0].field", equalTo("applicationType"))
                .body("errors[0].code", equalTo("validation.required"));
        given().header("Accept-Language", "en").queryParam("applicationType", "TOURIST")
                .when().get("/document-requirements").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("applicationType"))
                .body("errors[0].code", equalTo("validation.not-one-of"))
                .body("errors[0].message", containsString("NEW, RENEWAL, NAME_CHANGE, LOST, DAMAGED"));
        given().header("Accept-Language", "id").queryParam("applicationType", "NEW").queryParam("birthDate", "14-03-2015")
                .when().get("/document-requirements").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("birthDate"))
                .body("errors[0].message", equalTo("format tanggal harus yyyy-MM-dd"));
        given().queryParam("applicationType", "NEW").queryParam("birthDate", LocalDate.now().plusDays(2).toString())
                .when().get("/document-requirements").then()
                .statusCode(400).body("errors[0].code", equalTo("validation.birth-date-future"));
        given().queryParam("applicationType", "NEW").queryParam("minor", "maybe")
                .when().get("/document-requirements").then()
                .statusCode(400).body("errors[0].field", equalTo("minor"))
                .body("errors[0].message", not(containsString("{0}")));
    }
}
