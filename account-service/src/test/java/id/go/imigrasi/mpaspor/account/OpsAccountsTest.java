package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Admins create operations accounts (role ops: the ops console, issue 18); their tokens carry the group ops. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = QuotaOffices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpsAccountsTest {

    @Test
    void anAdminCreatesAnOpsAccountWhoseTokenCarriesTheGroupOps() {
        String admin = Accounts.login("admin@mpaspor.test", "test-only-admin-Passw0rd").then().statusCode(200)
                .extract().path("accessToken");
        String email = Accounts.newEmail("ops");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Piket Operasi", "email", email, "phone", "0812 3333 4444", "password",
                        "Piket-Malam-Operasi-7"))
                .when().post("/admin/ops-accounts")
                .then().statusCode(201).body("status", equalTo("ACTIVE"));
        String ops = Accounts.login(email, "Piket-Malam-Operasi-7").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(ops).when().get("/accounts/me").then().statusCode(200).body("role", equalTo("OPS"));
        String claims = new String(Base64.getUrlDecoder().decode(ops.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"groups\":[\"ops\"]");
    }

    @Test
    void onlyAdminsCreateOpsAccountsAndTheirInputIsChecked() {
        Map<String, String> body = Map.of("name", "X", "email", Accounts.newEmail("x"), "phone", "0812 3333 4444",
                "password", "Piket-Malam-Operasi-7");
        given().auth().oauth2(TestJwt.applicant("someone")).contentType(ContentType.JSON).body(body)
                .when().post("/admin/ops-accounts").then().statusCode(403);
        given().auth().oauth2(TestJwt.sign(TestJwt.claims("ops-1", "ops"))).contentType(ContentType.JSON).body(body)
                .when().post("/admin/ops-accounts").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).when().post("/admin/ops-accounts").then().statusCode(401);
        given().auth().oauth2(TestJwt.admin("admin-1")).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "email", "not-an-email", "phone", "0812 3333 4444", "password",
                        "Piket-Malam-Operasi-7"))
                .when().post("/admin/ops-accounts")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("email"));
    }
}
