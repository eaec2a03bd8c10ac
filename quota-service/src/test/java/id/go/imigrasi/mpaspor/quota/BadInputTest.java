package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.holdJson;
import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Bad input is answered with problem+json naming the field and the reason, never a 500, and changes nothing. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class BadInputTest {

    private static final String OFFICE = "MDN";
    private static final LocalDate DATE = weekday(45);
    private static boolean released;

    private String account;

    @BeforeEach
    void releaseOnce() {
        if (!released) {
            Quota.release(OFFICE, DATE, DATE, Instant.now().minusSeconds(1)).statusCode(201);
            released = true;
        }
        account = Quota.account();
    }

    private ValidatableResponse post(String json) {
        Quota.applicantsOf(TestJwt.applicant(account), json);
        return given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON).body(json)
                .when().post("/holds").then();
    }

    private ValidatableResponse fieldError(String json, String field, String code) {
        ValidatableResponse response = post(json).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/validation"))
                .body("errors.field", hasItem(startsWith(field)))
                .body("errors.code", hasItem(code));
        assertThat(Quota.count("SELECT count(*) FROM hold WHERE account_id = ?", account)).isZero();
        assertThat(Quota.count("SELECT coalesce(sum(held), 0) FROM capacity WHERE office_code = ?", OFFICE)).isZero();
        return response;
    }

    @Test
    void nikMustBeSixteenDigits() {
        fieldError(holdJson(OFFICE, DATE, "MORNING", "REGULAR", List.of("32710141019000")), "niks[0]",
                "quota.nik-format");
    }

    @Test
    void theSameNikTwiceIsRefused() {
        String nik = nik();
        fieldError(holdJson(OFFICE, DATE, "MORNING", "REGULAR", List.of(nik, nik)), "niks[1]", "quota.nik-duplicate");
    }

    @Test
    void atLeastOneAndAtMostFiveApplicants() {
        fieldError(holdJson(OFFICE, DATE, "MORNING", "REGULAR", List.of()), "niks", "validation.NotEmpty");
        fieldError(holdJson(OFFICE, DATE, "MORNING", "REGULAR", List.of(nik(), nik(), nik(), nik(), nik(), nik())),
                "niks", "quota.too-many-applicants");
    }

    @Test
    void priorityWalkInIsNotBookableOnline() {
        fieldError(holdJson(OFFICE, DATE, "MORNING", "PRIORITY_WALK_IN", List.of(nik())), "service",
                "quota.service-not-bookable");
    }

    @Test
    void unknownSessionOrImpossibleDateIsAFieldError() {
        // an unknown session names the sessions there are (issue 21)
        fieldError(holdJson(OFFICE, DATE, "EVENING", "REGULAR", List.of(nik())), "session", "validation.not-one-of")
                .body("errors.message", hasItem(containsString("MORNING")));
        fieldError(holdJson(OFFICE, DATE, "MORNING", "REGULAR", List.of(nik())).replace(DATE.toString(), "2027-02-30"),
                "date", "validation.wrong-type");
    }

    @Test
    void aPastDateIsRefused() {
        fieldError(holdJson(OFFICE, LocalDate.now(Quota.WIB).minusDays(1), "MORNING", "REGULAR", List.of(nik())),
                "date", "quota.date-too-early");
    }

    @Test
    void unknownOfficeIsAFieldError() {
        fieldError(holdJson("NOPE", DATE, "MORNING", "REGULAR", List.of(nik())), "officeCode", "quota.office-unknown");
    }

    @Test
    void missingFieldsAreNamed() {
        fieldError("{\"niks\":[\"" + nik() + "\"]}", "officeCode", "validation.NotBlank");
        post("{}").statusCode(400).body("errors.field", hasItem("date")).body("errors.field", hasItem("session"))
                .body("errors.field", hasItem("service"));
    }

    @Test
    void malformedJsonIsRefused() {
        post("{\"officeCode\": \"MDN\", ").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/malformed-request"));
        assertThat(Quota.count("SELECT count(*) FROM hold WHERE account_id = ?", account)).isZero();
    }

    @Test
    void holdsNeedAnApplicantToken() {
        given().contentType(ContentType.JSON).body(holdJson(OFFICE, DATE, "MORNING", "REGULAR", List.of(nik())))
                .when().post("/holds").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestJwt.officer("o", OFFICE)).contentType(ContentType.JSON)
                .body(holdJson(OFFICE, DATE, "MORNING", "REGULAR", List.of(nik())))
                .when().post("/holds").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON)
                .body(Map.of("from", DATE.toString(), "to", DATE.toString(), "releaseAt", Instant.now().toString()))
                .when().post("/admin/offices/" + OFFICE + "/releases").then().statusCode(403);
    }

    @Test
    void badCalendarAndAdminParametersAreFieldErrors() {
        given().queryParam("from", "tomorrow").when().get("/offices/" + OFFICE + "/calendar")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("from", DATE.toString()).queryParam("to", DATE.minusDays(1).toString())
                .when().get("/offices/" + OFFICE + "/calendar")
                .then().statusCode(400).body("errors[0].field", equalTo("to"))
                .body("errors[0].code", equalTo("quota.range-reversed"));
        given().queryParam("from", DATE.toString()).queryParam("to", DATE.plusDays(400).toString())
                .when().get("/offices/" + OFFICE + "/calendar")
                .then().statusCode(400).body("errors[0].code", equalTo("quota.range-too-long"));
        given().queryParam("service", "VIP").when().get("/offices/" + OFFICE + "/calendar")
                .then().statusCode(400).body("errors[0].field", equalTo("service"));
        Quota.release(OFFICE, DATE, DATE.minusDays(2), Instant.now()).statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(Quota.admin()).contentType(ContentType.JSON)
                .body("{\"rules\":[{\"weekday\":8,\"service\":\"REGULAR\",\"session\":\"MORNING\",\"capacity\":-1}]}")
                .when().put("/admin/offices/" + OFFICE + "/rules")
                .then().statusCode(400).body("errors.field", hasItem("rules[0].weekday"))
                .body("errors.field", hasItem("rules[0].capacity"));
    }

    @Test
    void rescheduleBodyIsValidated() {
        given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON).body("{\"session\":\"MORNING\"}")
                .when().post("/bookings/" + java.util.UUID.randomUUID() + "/reschedule")
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
    }

    /** A malformed hold or booking id is the client's error (400), never an answer it would retry. */
    @Test
    void aHoldIdThatIsNotAUuidIsABadRequestEverywhere() {
        String token = TestJwt.applicant(account);
        for (String id : List.of("not-a-uuid", "1-1-1-1-1", "00000000-0000-0000-0000-00000000000g", "%20")) {
            for (ValidatableResponse answer : List.of(
                    given().auth().oauth2(token).when().get("/holds/" + id).then(),
                    given().auth().oauth2(token).when().get("/bookings/" + id).then(),
                    given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body("{\"date\":\"" + DATE + "\",\"session\":\"MORNING\"}")
                            .when().post("/bookings/" + id + "/reschedule").then())) {
                answer.statusCode(400).contentType("application/problem+json")
                        .header("Retry-After", org.hamcrest.Matchers.nullValue())
                        .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/validation"))
                        .body("errors[0].field", equalTo("id"))
                        .body("errors[0].code", equalTo("quota.hold-id-format"));
            }
        }
    }

    @Test
    void anIdempotencyKeyThatIsNotVisibleAsciiOrTooLongIsABadRequest() {
        for (String key : List.of("a".repeat(256), "with space", "ünïcode")) {
            String json = holdJson(OFFICE, DATE, "MORNING", "REGULAR", List.of(nik()));
            Quota.applicantsOf(TestJwt.applicant(account), json);
            given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(json)
                    .when().post("/holds").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        assertThat(Quota.count("SELECT count(*) FROM hold WHERE account_id = ?", account)).isZero();
    }
}
