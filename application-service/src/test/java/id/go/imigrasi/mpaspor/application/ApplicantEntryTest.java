package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.applicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.nik;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.questionnaire;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.registeredNik;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** An account creates an application and adds its applicants; every form rule answers with its field. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApplicantEntryTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";
    private static final LocalDate BORN = LocalDate.of(1990, 1, 1);

    private ValidatableResponse post(String account, String applicationId, Map<String, Object> body, String lang) {
        return given().auth().oauth2(token(account)).header("Accept-Language", lang).contentType(ContentType.JSON)
                .body(body).when().post("/applications/{id}/applicants", applicationId).then();
    }

    private long applicantsOf(String applicationId) {
        return count("SELECT count(*) FROM applicant WHERE application_id = ?::uuid", applicationId);
    }

    @Test
    void accountCreatesADraftAndAddsAVerifiedApplicantThenReadsItBack() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> budi = adult("Budi Santoso");
        String applicantId = given().auth().oauth2(token(account)).contentType(ContentType.JSON).body(budi)
                .when().post("/applications/{id}/applicants", app)
                .then().statusCode(201).body("verification", equalTo("VERIFIED")).extract().path("id");

        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("applicants", hasSize(1))
                .body("applicants[0].id", equalTo(applicantId))
                .body("applicants[0].nik", equalTo(budi.get("nik")))
                .body("applicants[0].questionnaire.passportKind", equalTo("ELECTRONIC"))
                .body("applicants[0].verification.status", equalTo("VERIFIED"))
                .body("applicants[0].documents.code", contains("EKTP", "KK", "PROOF_OF_BIRTH_DATA"))
                .body("applicants[0].documents.state", contains("MISSING", "MISSING", "MISSING"))
                .body("readyToSubmit", equalTo(false))
                .body("timeline.kind", contains("CREATED"));
        given().auth().oauth2(token(account)).when().get("/applications").then().statusCode(200)
                .body("id", contains(app)).body("[0].applicants", contains("Budi Santoso"));
        assertThat(count("SELECT count(*) FROM application WHERE id = ?::uuid AND email = ?", app,
                account + "@test.mpaspor.id")).isOne();
    }

    @Test
    void eachNikRuleIsItsOwnFieldErrorInBothLanguagesAndNothingIsStored() {
        String account = newAccount();
        String app = createApplication(account);
        // not 16 digits
        post(account, app, applicant("A", "31710141019000", BORN, "FEMALE"), "id").statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", contains("nik")).body("errors.message", contains("NIK harus 16 digit angka"));
        post(account, app, applicant("A", "31710141019000AB", BORN, "FEMALE"), "en").statusCode(400)
                .body("errors.code", contains("validation.nik-format"));
        // province 99 does not exist
        post(account, app, applicant("A", "9971014101900001", BORN, "FEMALE"), "id").statusCode(400)
                .body("errors.code", contains("validation.nik-province"));
        // 31 February
        post(account, app, applicant("A", "3171017102900001", BORN, "FEMALE"), "id").statusCode(400)
                .body("errors.code", hasItem("validation.nik-date"));
        // birth date typo: NIK says 1 January 1990, the form 2 January 1990
        post(account, app, applicant("A", "3171014101900001", LocalDate.of(1990, 1, 2), "FEMALE"), "id")
                .statusCode(400).body("errors.field", contains("birthDate"))
                .body("errors.message", contains("tanggal lahir tidak sesuai dengan NIK"));
        post(account, app, applicant("A", "3171014101900001", LocalDate.of(1990, 1, 2), "FEMALE"), "en")
                .statusCode(400).body("errors.message", contains("birth date does not match the NIK"));
        // sex: a woman's NIK has 40 added to the day
        post(account, app, applicant("A", "3171014101900001", BORN, "MALE"), "id").statusCode(400)
                .body("errors.field", contains("sex")).body("errors.message", contains("jenis kelamin tidak sesuai dengan NIK"));
        // year differs and sex differs: both reported at once
        post(account, app, applicant("A", "3171010101910001", BORN, "FEMALE"), "en").statusCode(400)
                .body("errors.field", containsInAnyOrder("birthDate", "sex"));
        // serial 0000
        post(account, app, applicant("A", "3171014101900000", BORN, "FEMALE"), "id").statusCode(400)
                .body("errors.code", contains("validation.nik-serial"));
        assertThat(applicantsOf(app)).isZero();
    }

    @Test
    void questionnaireRefusesLostAndDamagedAndTenYearsForMinorsAndListsMissingFields() {
        String account = newAccount();
        String app = createApplication(account);
        for (String type : List.of("LOST", "DAMAGED")) {
            Map<String, Object> a = adult("Hilang " + type);
            questionnaire(a).put("applicationType", type);
            post(account, app, a, "id").statusCode(400)
                    .body("errors.field", contains("questionnaire.applicationType"))
                    .body("errors.code", contains("validation.application-type-at-office"))
                    .body("errors.message", contains(
                            "paspor hilang atau rusak diproses langsung di kantor imigrasi, tidak dapat diajukan secara daring"));
        }
        LocalDate child = LocalDate.now().minusYears(10);
        Map<String, Object> minor = applicant("Anak", registeredNik("Anak", child, "FEMALE"), child, "FEMALE");
        post(account, app, minor, "en").statusCode(400).body("errors.field", contains("questionnaire.validityYears"))
                .body("errors.message", contains("applicants under 17 get at most 5 years"));
        questionnaire(minor).put("validityYears", 5);
        post(account, app, minor, "en").statusCode(201);

        Map<String, Object> empty = adult("Kosong");
        empty.remove("motherName");
        empty.put("phone", "12345");
        questionnaire(empty).put("validityYears", 7);
        questionnaire(empty).put("passportKind", "DIPLOMATIC");
        questionnaire(empty).remove("sameDayService");
        post(account, app, empty, "id").statusCode(400).body("errors.field", containsInAnyOrder("motherName", "phone",
                "questionnaire.passportKind", "questionnaire.validityYears", "questionnaire.sameDayService"));
        assertThat(applicantsOf(app)).isOne();
    }

    @Test
    void aNikDukcapilDoesNotKnowIsAClearFieldError() {
        String account = newAccount();
        String app = createApplication(account);
        LocalDate born = LocalDate.of(1995, 6, 15);
        post(account, app, applicant("Tidak Dikenal", nik(born, "MALE"), born, "MALE"), "id").statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "dukcapil-verification-failed"))
                .body("errors.field", contains("nik")).body("errors.message", contains("NIK tidak terdaftar di Dukcapil"));
        assertThat(applicantsOf(app)).isZero();
    }

    @Test
    void aKnownNikUnderAnotherNameOrBirthPlaceIsRefusedFieldByFieldAndNothingIsStored() {
        // the NIK gives away birth date and sex: knowing it must not be enough to add the person as VERIFIED
        String squatter = newAccount();
        String app = createApplication(squatter);
        LocalDate born = LocalDate.of(1986, 4, 9);
        String nik = registeredNik("Wahyu Hidayat", born, "MALE"); // registered born in Jakarta
        Map<String, Object> other = applicant("Orang Lain", nik, born, "MALE");
        other.put("birthPlace", "Medan");
        post(squatter, app, other, "id").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "dukcapil-verification-failed"))
                .body("errors.field", containsInAnyOrder("fullName", "birthPlace"))
                .body("errors.message", containsInAnyOrder("nama tidak sesuai dengan data Dukcapil",
                        "tempat lahir tidak sesuai dengan data Dukcapil"));
        Map<String, Object> wrongName = applicant("Wahyu Hidayatullah", nik, born, "MALE");
        post(squatter, app, wrongName, "en").statusCode(422).body("errors.field", contains("fullName"))
                .body("errors.message", contains("name does not match the Dukcapil record"));
        assertThat(applicantsOf(app)).isZero();
        assertThat(count("SELECT count(*) FROM applicant WHERE nik = ?", nik)).isZero();

        // the owner, typing the name and place in another case, spacing and the old spelling, is the person
        Map<String, Object> owner = applicant("WAHJOE  HIDAJAT", nik, born, "MALE");
        owner.put("birthPlace", "djakarta");
        String ownerAccount = newAccount();
        post(ownerAccount, createApplication(ownerAccount), owner, "id").statusCode(201)
                .body("verification", equalTo("VERIFIED"));
    }

    @Test
    void atMostFiveApplicantsPerApplication() {
        String account = newAccount();
        String app = createApplication(account);
        for (int i = 1; i <= 5; i++) {
            addApplicant(account, app, adult("Anggota " + i));
        }
        post(account, app, adult("Keenam"), "en").statusCode(409)
                .body("type", equalTo(PROBLEMS + "applicant-limit-reached"))
                .body("detail", equalTo("One application covers at most 5 applicants."));
        assertThat(applicantsOf(app)).isEqualTo(5);
    }

    @Test
    void applicantIsCorrectedAndRemovedWhileDraft() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> a = adult("Rudi Hartono");
        String id = addApplicant(account, app, a);
        // a correction is checked against Dukcapil again: another name is refused and changes nothing...
        a.put("fullName", "Rudi Hermawan");
        given().auth().oauth2(token(account)).contentType(ContentType.JSON).body(a)
                .when().put("/applications/{id}/applicants/{a}", app, id).then().statusCode(422)
                .body("errors.field", contains("fullName"));
        // ...the same name written as on the e-KTP is kept
        a.put("fullName", "RUDI HARTONO");
        questionnaire(a).put("validityYears", 5);
        given().auth().oauth2(token(account)).contentType(ContentType.JSON).body(a)
                .when().put("/applications/{id}/applicants/{a}", app, id).then().statusCode(200)
                .body("verification", equalTo("VERIFIED"));
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then()
                .body("applicants[0].fullName", equalTo("RUDI HARTONO"))
                .body("applicants[0].questionnaire.validityYears", equalTo(5));
        given().auth().oauth2(token(account)).when().delete("/applications/{id}/applicants/{a}", app, id)
                .then().statusCode(204);
        assertThat(applicantsOf(app)).isZero();
    }

    @Test
    void anotherAccountCannotReadOrChangeTheApplicationAndAnOfficerOnlyAtTheirOffice() {
        String owner = newAccount();
        String app = createApplication(owner);
        String applicantId = addApplicant(owner, app, adult("Pemilik"));
        String stranger = newAccount();

        given().auth().oauth2(token(stranger)).when().get("/applications/{id}", app).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "application-not-found"));
        given().auth().oauth2(token(stranger)).when().get("/applications/{id}/requirements", app).then().statusCode(404);
        post(stranger, app, adult("Penyusup"), "id").statusCode(404);
        given().auth().oauth2(token(stranger)).contentType(ContentType.JSON).body(adult("X"))
                .when().put("/applications/{id}/applicants/{a}", app, applicantId).then().statusCode(404);
        given().auth().oauth2(token(stranger)).when().delete("/applications/{id}/applicants/{a}", app, applicantId)
                .then().statusCode(404);
        given().auth().oauth2(token(stranger)).when().post("/applications/{id}/cancellation", app).then().statusCode(404);
        given().auth().oauth2(token(stranger)).contentType(ContentType.JSON).body(Map.of("holdId", java.util.UUID.randomUUID().toString()))
                .when().post("/applications/{id}/submission", app).then().statusCode(404);
        given().auth().oauth2(token(stranger)).when().get("/applications").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(TestJwt.officer(newAccount(), "JKTSEL")).when().get("/applications/{id}", app)
                .then().statusCode(404);
        given().when().get("/applications/{id}", app).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestJwt.admin(newAccount())).when().get("/applications/{id}", app).then().statusCode(200);
        assertThat(applicantsOf(app)).isOne();
    }

    @Test
    void unreadableInputIsAProblemWithItsFieldNeverAServerError() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> a = adult("Format Salah");
        a.put("birthDate", "31-12-1990");
        post(account, app, a, "en").statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("birthDate"));
        given().auth().oauth2(token(account)).contentType(ContentType.JSON).body("{\"fullName\": ")
                .when().post("/applications/{id}/applicants", app).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token(account)).contentType(ContentType.JSON).body(Map.of("holdId", " "))
                .when().post("/applications/{id}/submission", app).then().statusCode(400)
                .body("errors.field", contains("holdId"));
        // issue 21: an id that cannot exist is a bad request (400 on the path parameter), not a missing resource
        given().auth().oauth2(token(account)).when().get("/applications/{id}", "not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("id"))
                .body("errors.code", contains("validation.not-an-id"));
        given().auth().oauth2(token(account)).when().get("/applications/{id}", "1-1-1-1-1").then().statusCode(400);
        assertThat(applicantsOf(app)).isZero();
    }
}
