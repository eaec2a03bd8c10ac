package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Issue 25, Security 8: registration, password change and reset all apply PasswordPolicy, in id and en. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PasswordPolicyEndpointsTest {

    @Test
    void registrationRefusesABreachedPasswordWithAFieldErrorInEnglishOrIndonesian() {
        String email = Accounts.newEmail("breached");
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("name", "Budi", "email", email, "phone", "081234567890", "password", "iloveyou123",
                        "privacyNoticeVersion", Accounts.NOTICE))
                .when().post("/accounts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("password"))
                .body("errors[0].code", equalTo("account.password.too-common"))
                .body("errors[0].message", equalTo("a commonly breached password, easy to guess; choose another"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Budi", "email", email, "phone", "081234567890", "password", "zzzzzzzzzz",
                        "privacyNoticeVersion", Accounts.NOTICE))
                .when().post("/accounts").then().statusCode(400)
                .body("errors[0].message", equalTo("tidak boleh satu karakter yang diulang"));
        org.assertj.core.api.Assertions.assertThat(Db.count("SELECT count(*) FROM account WHERE email = ?", email)).isZero();
    }

    @Test
    void passwordChangeAndResetApplyThePolicyToo() {
        String email = Accounts.newEmail("change-weak");
        Accounts.activeApplicant(email);
        String access = Accounts.login(email, Accounts.PASSWORD).then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "sunshine1"))
                .when().post("/accounts/me/password").then().statusCode(400)
                .body("errors[0].field", equalTo("newPassword"))
                .body("errors[0].code", equalTo("account.password.too-common"));
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "otp", "123456", "newPassword", "kata\tsandi-rahasia"))
                .when().post("/accounts/password-reset").then().statusCode(400)
                .body("errors[0].field", equalTo("newPassword"))
                .body("errors[0].code", equalTo("account.password.control-character"));
        Accounts.login(email, Accounts.PASSWORD).then().statusCode(200);
    }
}
