package id.go.imigrasi.mpaspor.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad input and failures answer RFC 9457 problem+json, localized, with the offending fields. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
class ProblemMapperTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID = "{\"applicants\":[{\"fullName\":\"Siti Aminah\",\"nik\":\"3171014108900001\","
            + "\"validityYears\":10},{\"fullName\":\" \",\"nik\":\"31710141\",\"validityYears\":3}]}";

    @Test
    void validationProblemListsEveryOffendingFieldInIndonesianByDefault() {
        given().contentType(ContentType.JSON).body(INVALID)
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .header("Content-Language", "id")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/validation"))
                .body("title", equalTo("Data tidak valid"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/test/applications"))
                .body("errors.field", hasItems("applicants[1].fullName", "applicants[1].nik", "applicants[1].validityYears"))
                .body("errors.find { it.field == 'applicants[1].fullName' }.message", equalTo("wajib diisi"))
                .body("errors.find { it.field == 'applicants[1].fullName' }.code", equalTo("validation.NotBlank"))
                .body("errors.find { it.field == 'applicants[1].validityYears' }.message", equalTo("minimal 5"))
                .body("errors.find { it.field == 'applicants[1].nik' }.message", equalTo("format tidak sesuai"));
    }

    @Test
    void validationProblemIsInEnglishWhenTheClientAsks() {
        given().contentType(ContentType.JSON).body(INVALID).header("Accept-Language", "en-US,en;q=0.9,id;q=0.5")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM).header("Content-Language", "en")
                .body("title", equalTo("Invalid data"))
                .body("errors.find { it.field == 'applicants[1].fullName' }.message", equalTo("is required"))
                .body("errors.find { it.field == 'applicants[1].validityYears' }.message", equalTo("must be at least 5"));
    }

    @Test
    void malformedJsonIsAProblemNotA500() {
        given().contentType(ContentType.JSON).body("{\"applicants\": [")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/malformed-request"));
    }

    @Test
    void valueOfTheWrongTypeNamesItsField() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"applicants\":[{\"fullName\":\"A\",\"nik\":\"3171014108900001\",\"validityYears\":\"ten\"}]}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("applicants[0].validityYears"))
                .body("errors[0].code", equalTo("validation.wrong-type"))
                .body("errors[0].message", equalTo("wrong type or format of value"));
    }

    @Test
    void invalidQueryParameterIsNamed() {
        given().queryParam("size", 0).when().get("/test/page")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
    }

    @Test
    void serviceProblemIsRenderedFromTheServicesOwnMessages() {
        given().when().get("/test/quota-full")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/quota-full"))
                .body("title", equalTo("Kuota penuh"))
                .body("detail", equalTo("Kuota REGULAR pada tanggal 2026-12-01 sudah habis. Silakan pilih tanggal lain."));
        given().header("Accept-Language", "en").when().get("/test/quota-full")
                .then().statusCode(409).body("title", equalTo("Quota full"))
                .body("detail", containsString("The REGULAR quota on 2026-12-01 is used up"));
    }

    @Test
    void fieldErrorFromAUseCaseIsLocalized() {
        given().when().get("/test/nik")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("applicants[0].birthDate"))
                .body("errors[0].code", equalTo("nik.birth-date-mismatch"))
                .body("errors[0].message", equalTo("tanggal lahir tidak sesuai dengan NIK"));
    }

    @Test
    void everyOverloadAnswerCarriesRetryAfter() {
        given().when().get("/test/busy")
                .then().statusCode(503).contentType(PROBLEM).header("Retry-After", "7")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/service-unavailable"));
        given().when().get("/test/too-many")
                .then().statusCode(429).contentType(PROBLEM).header("Retry-After", "2");
    }

    @Test
    void unexpectedFailureIsA500ThatRevealsNothingInternal() {
        given().when().get("/test/boom")
                .then().statusCode(500).contentType(PROBLEM)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/internal-error"))
                .body("detail", not(containsString("secret")))
                .body("requestId", not(nullValue()));
    }

    @Test
    void wrongMediaTypeAndMethodAreProblems() {
        given().contentType(ContentType.TEXT).body("hello").when().post("/test/applications")
                .then().statusCode(415).contentType(PROBLEM);
        given().when().delete("/test/quota-full")
                .then().statusCode(405).contentType(PROBLEM);
    }
}
