package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The first admin comes from configuration; admins create officers bound to an office that exists (quota-service's
 * catalogue, {@link QuotaOffices} here).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = QuotaOffices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OfficerAccountsTest {

    @Test
    void configuredAdminCreatesAnOfficerWhoseTokenCarriesTheOffice() {
        String admin = Accounts.login("admin@mpaspor.test", "test-only-admin-Passw0rd").then().statusCode(200)
                .extract().path("accessToken");
        String email = Accounts.newEmail("petugas");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Petugas Loket", "email", email, "officeCode", "JKTSEL", "password", "Loket-Biometrik-12"))
                .when().post("/admin/officers")
                .then().statusCode(201).body("status", equalTo("ACTIVE"));
        String officer = Accounts.login(email, "Loket-Biometrik-12").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(officer).when().get("/accounts/me")
                .then().statusCode(200).body("role", equalTo("OFFICER")).body("officeCode", equalTo("JKTSEL"));
    }

    @Test
    void onlyAdminsCreateOfficersAndTheOfficeCodeIsChecked() {
        given().auth().oauth2(TestJwt.applicant("someone")).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "email", Accounts.newEmail("x"), "officeCode", "JKTSEL", "password", "Loket-Biometrik-12"))
                .when().post("/admin/officers").then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "X", "email", Accounts.newEmail("x"), "officeCode", "JKTSEL", "password", "Loket-Biometrik-12"))
                .when().post("/admin/officers").then().statusCode(401);
        given().auth().oauth2(TestJwt.admin("admin-1")).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "email", Accounts.newEmail("x"), "officeCode", "jakarta selatan", "password", "Loket-Biometrik-12"))
                .when().post("/admin/officers")
                .then().statusCode(400).body("errors[0].field", equalTo("officeCode"));
    }

    @Test
    void anOfficerForAnOfficeThatDoesNotExistIs422WithAFieldErrorAndNothingIsCreated() {
        String email = Accounts.newEmail("petugas-hantu");
        given().auth().oauth2(TestJwt.admin("admin-1")).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("name", "Petugas Hantu", "email", email, "officeCode", "NOWHERE9", "password",
                        "Loket-Biometrik-12"))
                .when().post("/admin/officers")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/unknown-office"))
                .body("errors[0].field", equalTo("officeCode"))
                .body("errors[0].code", equalTo("account.office-code.unknown"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("NOWHERE9"));
        // nothing was created: the address is still free for an officer of a real office, and cannot sign in
        Accounts.login(email, "Loket-Biometrik-12").then().statusCode(401);
        given().auth().oauth2(TestJwt.admin("admin-1")).contentType(ContentType.JSON)
                .body(Map.of("name", "Petugas Loket", "email", email, "officeCode", "SOETTA", "password",
                        "Loket-Biometrik-12"))
                .when().post("/admin/officers").then().statusCode(201);
    }

    @Test
    void whenQuotaCannotTellTheAnswerIs503WithRetryAfterAndNothingIsCreated() {
        String email = Accounts.newEmail("petugas-ragu");
        given().auth().oauth2(TestJwt.admin("admin-1")).contentType(ContentType.JSON)
                .body(Map.of("name", "Petugas Ragu", "email", email, "officeCode", QuotaOffices.BROKEN, "password",
                        "Loket-Biometrik-12"))
                .when().post("/admin/officers")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/offices-unavailable"));
        Accounts.login(email, "Loket-Biometrik-12").then().statusCode(401);
    }
}
