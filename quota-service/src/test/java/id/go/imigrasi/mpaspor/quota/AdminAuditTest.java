package id.go.imigrasi.mpaspor.quota;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every admin change to an office's quota (rules, closure, reopening, release) is recorded with the admin's id in
 * its own transaction, and the admin console reads it back with the office's releases and closures; officers and
 * unknown offices get problem+json.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class AdminAuditTest {

    private static final String OFFICE = "SOETTA";

    @Test
    void eachAdminChangeIsInTheAuditWithWhoAndWhenAndTheListsShowReleasesAndClosures() {
        String admin = TestJwt.admin("admin-kepala-kantor");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"rules\":[{\"weekday\":1,\"service\":\"REGULAR\",\"session\":\"MORNING\",\"capacity\":40}]}")
                .put("/admin/offices/" + OFFICE + "/rules").then().statusCode(200);
        LocalDate day = Quota.weekday(50);
        Instant releaseAt = Instant.now().plusSeconds(3600);
        String releaseId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("from", day.toString(), "to", day.plusDays(2).toString(), "releaseAt", releaseAt.toString()))
                .post("/admin/offices/" + OFFICE + "/releases").then().statusCode(201).extract().path("releaseId");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("date", day.toString(), "scope", "E_PASSPORT", "reason", "blangko habis"))
                .post("/admin/offices/" + OFFICE + "/closures").then().statusCode(204);

        List<Map<String, Object>> audit = given().auth().oauth2(admin).get("/admin/offices/" + OFFICE + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(audit).filteredOn(e -> "admin-kepala-kantor".equals(e.get("actorId")))
                .extracting(e -> e.get("action")).containsExactly("CLOSED", "RELEASED", "RULES_REPLACED");
        assertThat(audit.get(0).get("detail")).asString().contains(day.toString(), "E_PASSPORT", "blangko habis");

        given().auth().oauth2(admin).get("/admin/offices/" + OFFICE + "/releases").then().statusCode(200)
                .body("find { it.releaseId == '" + releaseId + "' }.from", equalTo(day.toString()));
        given().auth().oauth2(admin).get("/admin/offices/" + OFFICE + "/closures?from=" + day).then().statusCode(200)
                .body("[0].scope", equalTo("E_PASSPORT")).body("[0].reason", equalTo("blangko habis"));

        given().auth().oauth2(admin).delete("/admin/offices/" + OFFICE + "/closures/" + day + "?scope=E_PASSPORT")
                .then().statusCode(204);
        given().auth().oauth2(admin).get("/admin/offices/" + OFFICE + "/audit?limit=1").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].action", equalTo("REOPENED"));
        given().auth().oauth2(admin).get("/admin/offices/" + OFFICE + "/audit?limit=0").then().statusCode(200)
                .body("size()", equalTo(1)); // read as 1, as it always was
        for (String limit : java.util.List.of("abc", "-", "1.5", "5x")) {
            given().auth().oauth2(admin).get("/admin/offices/" + OFFICE + "/audit?limit=" + limit).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit")).body("errors[0].code", equalTo("validation.page-limit"));
        }
    }

    @Test
    void officersReadNoAuditAndAnUnknownOfficeIs404ProblemJson() {
        given().auth().oauth2(TestJwt.officer("o-1", OFFICE)).get("/admin/offices/" + OFFICE + "/audit")
                .then().statusCode(403);
        given().auth().oauth2(TestJwt.admin("a")).get("/admin/offices/NOWHERE/audit").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestJwt.admin("a")).get("/admin/offices/NOWHERE/releases").then().statusCode(404);
    }
}
