package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Admins list officers, disable one (no login, its refresh token dead) and move one to another office (the next
 * token carries it); each change goes out as its event on account.events and shows in the audit with the admin's
 * id. Only admins may do any of it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = QuotaOffices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OfficerAdministrationTest {

    private static final String PASSWORD = "Loket-Biometrik-12";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static String create(String admin, String office) {
        String email = Accounts.newEmail("petugas");
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Petugas " + office, "email", email, "officeCode", office, "password", PASSWORD))
                .post("/admin/officers").then().statusCode(201).extract().path("id") + "|" + email;
    }

    @Test
    void anAdminDisablesAnOfficerWhoCanNoLongerLogInOrRefreshAndTheAuditSaysWho() {
        String admin = TestJwt.admin("admin-disabler");
        String[] officer = create(admin, "JKTSEL").split("\\|");
        String refresh = Accounts.login(officer[1], PASSWORD).then().statusCode(200).extract().path("refreshToken");
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "account.events")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).post("/admin/officers/" + officer[0] + "/disable")
                    .then().statusCode(200).body("status", equalTo("DISABLED")).body("officeCode", equalTo("JKTSEL"));
            // twice is fine, and records nothing more
            given().auth().oauth2(admin).contentType(ContentType.JSON).post("/admin/officers/" + officer[0] + "/disable")
                    .then().statusCode(200).body("status", equalTo("DISABLED"));
            var created = probe.await(r -> officer[0].equals(r.key())
                    && r.value().getType().equals("mpaspor.account.OfficerCreated.v1"), Duration.ofSeconds(30));
            assertThat(new String(created.value().getData().toBytes())).contains("\"byAdmin\":\"admin-disabler\"");
            probe.await(r -> officer[0].equals(r.key()) && r.value().getType().equals("mpaspor.account.OfficerDisabled.v1"),
                    Duration.ofSeconds(30));
            probe.await(r -> officer[0].equals(r.key()) && r.value().getType().equals("mpaspor.account.SessionRevoked.v1"),
                    Duration.ofSeconds(30));
        }
        Accounts.login(officer[1], PASSWORD).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/account-disabled"));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh)).post("/auth/refresh")
                .then().statusCode(401);
        List<Map<String, Object>> audit = given().auth().oauth2(admin).get("/admin/audit?officeCode=JKTSEL")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(audit.stream().filter(e -> officer[0].equals(e.get("subjectId"))).map(e -> e.get("action")))
                .containsExactly("OfficerDisabled", "OfficerCreated");
        assertThat(audit).filteredOn(e -> officer[0].equals(e.get("subjectId")))
                .allSatisfy(e -> assertThat(e.get("actorId")).isEqualTo("admin-disabler"));
    }

    @Test
    void anAdminMovesAnOfficerWhoseNextTokenCarriesTheNewOffice() {
        String admin = TestJwt.admin("admin-mover");
        String[] officer = create(admin, "JKTSEL").split("\\|");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("officeCode", "NOWHERE9"))
                .post("/admin/officers/" + officer[0] + "/move").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("officeCode"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("officeCode", "SOETTA"))
                .post("/admin/officers/" + officer[0] + "/move").then().statusCode(200)
                .body("officeCode", equalTo("SOETTA"));
        String token = Accounts.login(officer[1], PASSWORD).then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(token).get("/accounts/me").then().statusCode(200).body("officeCode", equalTo("SOETTA"));
        assertThat(given().auth().oauth2(admin).get("/admin/officers?officeCode=SOETTA").then().statusCode(200)
                .extract().jsonPath().getList("id")).contains(officer[0]);
        assertThat(given().auth().oauth2(admin).get("/admin/officers?officeCode=JKTSEL").then().statusCode(200)
                .extract().jsonPath().getList("id")).doesNotContain(officer[0]);
        List<Map<String, Object>> audit = given().auth().oauth2(admin).get("/admin/audit").then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("subjectId")).isEqualTo(officer[0]);
            assertThat(e.get("action")).isEqualTo("OfficerMoved");
            assertThat(e.get("detail")).isEqualTo("JKTSEL -> SOETTA");
        });
    }

    @Test
    void onlyAdminsManageOfficersAndAnUnknownOrNonOfficerIdIs404ProblemJson() {
        String officer = TestJwt.officer("o-1", "JKTSEL");
        given().auth().oauth2(officer).get("/admin/officers").then().statusCode(403);
        given().auth().oauth2(officer).get("/admin/audit").then().statusCode(403);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .post("/admin/officers/00000000-0000-0000-0000-000000000001/disable").then().statusCode(403);
        given().auth().oauth2(TestJwt.admin("a")).contentType(ContentType.JSON)
                .post("/admin/officers/not-an-id/disable").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/not-an-officer"));
        String applicant = Accounts.newEmail("pemohon");
        String id = Accounts.register(applicant, Accounts.PASSWORD).then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestJwt.admin("a")).contentType(ContentType.JSON).post("/admin/officers/" + id + "/disable")
                .then().statusCode(404);
    }
}
