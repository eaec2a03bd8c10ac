package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad registrations get a field-level problem+json and create nothing. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RegistrationValidationTest {

    private static Map<String, Object> body(String name, String email, String phone, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("phone", phone);
        body.put("password", password);
        body.put("privacyNoticeVersion", Accounts.NOTICE);
        return body;
    }

    private static long accounts() {
        return Db.count("SELECT count(*) FROM account");
    }

    @Test
    void missingFieldsAreEachNamedAndNothingIsCreated() {
        long before = accounts();
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "email", "phone", "password", "privacyNoticeVersion"))
                .body("errors.find { it.field == 'email' }.message", equalTo("wajib diisi"));
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void malformedEmailAndPhoneAreRefusedInTheAskedLanguage() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(body("Budi", "budi(at)contoh", "021-555", "Paspor-Keluarga-2026"))
                .when().post("/accounts")
                .then().statusCode(400)
                .body("errors.find { it.field == 'email' }.message", equalTo("is not a valid email address"))
                .body("errors.find { it.field == 'phone' }.code", equalTo("account.phone.invalid"))
                .body("errors.find { it.field == 'phone' }.message", equalTo("not a valid mobile number (e.g. 0812-3456-7890)"));
    }

    @Test
    void weakPasswordsAreRefusedWithTheReason() {
        String email = Accounts.newEmail("weak");
        given().contentType(ContentType.JSON).body(body("Budi", email, "081234567890", "pendek"))
                .when().post("/accounts")
                .then().statusCode(400).body("errors[0].field", equalTo("password"))
                .body("errors[0].message", equalTo("minimal 8 karakter"));
        given().contentType(ContentType.JSON).body(body("Budi", email, "081234567890", "Indonesia123"))
                .when().post("/accounts")
                .then().statusCode(400).body("errors[0].code", equalTo("account.password.too-common"));
        given().contentType(ContentType.JSON).body(body("Budi", email, "081234567890", email.toUpperCase()))
                .when().post("/accounts")
                .then().statusCode(400).body("errors[0].code", equalTo("account.password.equals-email"));
        assertThat(Db.count("SELECT count(*) FROM account WHERE email = ?", email)).isZero();
    }

    @Test
    void duplicateEmailCreatesNothingAndIsAnsweredLikeANewOne() {
        String email = Accounts.newEmail("dup");
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
        Db.ageOtp(email, 61);
        // issue 25 (Security 3): no 409 email-taken that would tell who has an account; the owner gets a mail
        Accounts.register(email.toUpperCase(), "Another-Good-Pass-9").then().statusCode(201)
                .body("status", equalTo("PENDING_VERIFICATION"));
        assertThat(Db.count("SELECT count(*) FROM account WHERE email = ?", email)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM queued_mail WHERE recipient = ? AND kind = 'REGISTRATION_ATTEMPT'",
                email)).isEqualTo(1);
    }

    @Test
    void indonesianPhoneNumbersAreNormalisedToPlus62() {
        String email = Accounts.newEmail("phone");
        given().contentType(ContentType.JSON).body(body("Dewi", email, "+62 812-9876-5432", Accounts.PASSWORD))
                .when().post("/accounts").then().statusCode(201);
        assertThat(Db.count("SELECT count(*) FROM account WHERE email = ? AND phone = '+6281298765432'", email))
                .isEqualTo(1);
    }

    @Test
    void malformedJsonIsAProblemNotA500() {
        given().contentType(ContentType.JSON).body("{\"name\": \"Budi\", ")
                .when().post("/accounts")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anOversizedEmailIsAFieldErrorOnEveryEndpointThatTakesOne() {
        String huge = "a".repeat(60_000) + "@example.com";
        for (String[] call : new String[][] {
                { "/accounts/otp", "{\"email\":\"" + huge + "\",\"purpose\":\"RESET_PASSWORD\"}" },
                { "/accounts/verification", "{\"email\":\"" + huge + "\",\"otp\":\"123456\"}" },
                { "/auth/login", "{\"email\":\"" + huge + "\",\"password\":\"whatever-it-is\"}" },
                { "/accounts/password-reset", "{\"email\":\"" + huge + "\",\"otp\":\"123456\",\"newPassword\":\"x\"}" } }) {
            given().contentType(ContentType.JSON).body(call[1]).when().post(call[0])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems("email"));
        }
    }
}
