package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A new notice version in configuration: whoever accepted only an older one must accept again, and only the new
 * version can be accepted. The holder of the older acceptance is made as an upgrade would leave them: an account
 * whose one consent row names the previous version.
 */
@QuarkusTest
@TestProfile(PrivacyNoticeChangeTest.NewNotice.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PrivacyNoticeChangeTest {

    static final String NEW = "2027-03-01";

    public static class NewNotice implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.account.privacy-notice.version", NEW);
        }
    }

    /** An ACTIVE applicant (with {@link Accounts#PASSWORD}) whose only acceptance is of {@code version}. */
    private static String holderWhoAccepted(String version) {
        String template = Accounts.newEmail("template");
        given().contentType(ContentType.JSON).body(Map.of("name", "Agus Salim", "email", template, "phone",
                "0812-3456-7890", "password", Accounts.PASSWORD, "privacyNoticeVersion", NEW))
                .when().post("/accounts").then().statusCode(201);
        String email = Accounts.newEmail("older");
        String id = UUID.randomUUID().toString();
        Db.update("INSERT INTO account (id, email, full_name, phone, password_hash, role, status, language, created_at,"
                + " verified_at) SELECT ?::uuid, ?, full_name, phone, password_hash, 'APPLICANT', 'ACTIVE', 'id',"
                + " now() - interval '30 days', now() - interval '30 days' FROM account WHERE email = ?",
                id, email, template);
        Db.update("INSERT INTO privacy_consent (id, account_id, notice_version, accepted_at, language)"
                + " VALUES (gen_random_uuid(), ?::uuid, ?, now() - interval '30 days', 'id')", id, version);
        return email;
    }

    @Test
    void aNewVersionAsksEveryoneWhoAcceptedAnOlderOneAgain() {
        String email = holderWhoAccepted(Accounts.NOTICE);
        String token = Accounts.login(email, Accounts.PASSWORD).then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(token).when().get("/accounts/me").then().statusCode(200)
                .body("privacyNotice.current", equalTo(NEW))
                .body("privacyNotice.accepted", equalTo(false))
                .body("privacyNotice.acceptanceRequired", equalTo(true));

        // the version they once accepted is no longer enough
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("noticeVersion", Accounts.NOTICE))
                .when().post("/accounts/me/privacy-consents").then().statusCode(422)
                .body("errors[0].code", equalTo("account.privacy-notice.stale"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("noticeVersion", NEW))
                .when().post("/accounts/me/privacy-consents").then().statusCode(200)
                .body("accepted", equalTo(true)).body("acceptanceRequired", equalTo(false));
        given().auth().oauth2(token).when().get("/accounts/me").then().statusCode(200)
                .body("privacyNotice.acceptanceRequired", equalTo(false));
        // both acceptances stay on record, each with its version
        assertThat(RealInfrastructure.database().rows("SELECT c.notice_version FROM privacy_consent c"
                + " JOIN account a ON a.id = c.account_id WHERE a.email = ? ORDER BY c.accepted_at", email))
                .extracting(r -> r.get("notice_version")).containsExactly(Accounts.NOTICE, NEW);
    }

    @Test
    void aRegistrationWithThePreviousVersionIsRefused() {
        String email = Accounts.newEmail("late");
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(422)
                .body("errors[0].field", equalTo("privacyNoticeVersion"));
        assertThat(Db.count("SELECT count(*) FROM account WHERE email = ?", email)).isZero();
    }
}
