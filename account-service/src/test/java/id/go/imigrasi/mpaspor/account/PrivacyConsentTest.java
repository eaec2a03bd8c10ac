package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Consent to the privacy notice (issue 23): a registration must accept the current version, the acceptance is
 * recorded with the account, once per version, in an append-only table, and {@code GET /accounts/me} says where the
 * account stands.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PrivacyConsentTest {

    private static final String PROBLEM = "https://mpaspor.imigrasi.go.id/problems/privacy-notice-not-accepted";

    private static Map<String, Object> registration(String email, String notice) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Rina Marlina");
        body.put("email", email);
        body.put("phone", "0812-3456-7890");
        body.put("password", Accounts.PASSWORD);
        if (notice != null) {
            body.put("privacyNoticeVersion", notice);
        }
        return body;
    }

    private static long accountsWith(String email) {
        return Db.count("SELECT count(*) FROM account WHERE email = ?", email);
    }

    private static long consentsOf(String email) {
        return Db.count("SELECT count(*) FROM privacy_consent c JOIN account a ON a.id = c.account_id"
                + " WHERE a.email = ?", email);
    }

    @Test
    void thePublicAnswerNamesTheCurrentVersionAndTheContact() {
        given().when().get("/accounts/privacy-notice").then().statusCode(200)
                .body("version", equalTo(Accounts.NOTICE))
                .body("contactEmail", equalTo("pelindungan.data@imigrasi.go.id"));
    }

    @Test
    void aRegistrationWithoutTheNoticeVersionIsRefusedInBothLanguagesAndCreatesNothing() {
        String email = Accounts.newEmail("noconsent");
        given().contentType(ContentType.JSON).body(registration(email, null))
                .when().post("/accounts")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM))
                .body("title", equalTo("Pemberitahuan privasi belum disetujui"))
                .body("errors[0].field", equalTo("privacyNoticeVersion"))
                .body("errors[0].code", equalTo("account.privacy-notice.required"))
                .body("errors[0].message", equalTo("setujui pemberitahuan privasi untuk melanjutkan"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(registration(email, " "))
                .when().post("/accounts")
                .then().statusCode(422)
                .body("title", equalTo("Privacy notice not accepted"))
                .body("errors[0].message", equalTo("accept the privacy notice to continue"));
        assertThat(accountsWith(email)).isZero();
        assertThat(Db.count("SELECT count(*) FROM otp_request WHERE email = ?", email)).isZero();
    }

    @Test
    void aRegistrationWithAnOlderNoticeVersionIsRefusedAndCreatesNothing() {
        String email = Accounts.newEmail("stale");
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(registration(email, "2025-01-01"))
                .when().post("/accounts")
                .then().statusCode(422).body("type", equalTo(PROBLEM))
                .body("errors[0].field", equalTo("privacyNoticeVersion"))
                .body("errors[0].code", equalTo("account.privacy-notice.stale"))
                .body("errors[0].message", equalTo("the privacy notice has been updated (version 2026-12-01): read"
                        + " and accept the latest version"));
        assertThat(accountsWith(email)).isZero();
    }

    @Test
    void otherFieldErrorsComeTogetherWithTheMissingConsent() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Budi", "email", "not-an-email"))
                .when().post("/accounts")
                .then().statusCode(400).body("errors.field",
                        org.hamcrest.Matchers.hasItems("email", "phone", "password", "privacyNoticeVersion"));
    }

    @Test
    void aRegistrationWithTheCurrentVersionRecordsTheAcceptanceWithTheAccount() {
        String email = Accounts.newEmail("consent");
        given().contentType(ContentType.JSON).header("Accept-Language", "id").header("X-Forwarded-For", "198.51.100.7")
                .body(registration(email, Accounts.NOTICE))
                .when().post("/accounts").then().statusCode(201);
        var rows = RealInfrastructure.database().rows("SELECT c.notice_version, c.language, c.client_address,"
                + " c.accepted_at, a.created_at FROM privacy_consent c JOIN account a ON a.id = c.account_id"
                + " WHERE a.email = ?", email);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("notice_version", Accounts.NOTICE).containsEntry("language", "id")
                .containsEntry("client_address", "198.51.100.7");
        assertThat(rows.get(0).get("accepted_at")).isNotNull();

        Accounts.verify(email, MailServer.otp(email, 1)).then().statusCode(200);
        String token = Accounts.login(email, Accounts.PASSWORD).then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(token).when().get("/accounts/me").then().statusCode(200)
                .body("privacyNotice.current", equalTo(Accounts.NOTICE))
                .body("privacyNotice.accepted", equalTo(true))
                .body("privacyNotice.acceptanceRequired", equalTo(false));
    }

    @Test
    void anAcceptanceIsRecordedOncePerVersion() {
        String email = Accounts.newEmail("twice");
        Accounts.activeApplicant(email);
        String token = Accounts.login(email, Accounts.PASSWORD).then().statusCode(200).extract().path("accessToken");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("noticeVersion", Accounts.NOTICE))
                    .when().post("/accounts/me/privacy-consents").then().statusCode(200)
                    .body("current", equalTo(Accounts.NOTICE)).body("accepted", equalTo(true))
                    .body("acceptanceRequired", equalTo(false));
        }
        assertThat(consentsOf(email)).isEqualTo(1);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("noticeVersion", "2025-01-01"))
                .when().post("/accounts/me/privacy-consents").then().statusCode(422).body("type", equalTo(PROBLEM))
                .body("errors[0].field", equalTo("noticeVersion"));
        given().contentType(ContentType.JSON).body(Map.of("noticeVersion", Accounts.NOTICE))
                .when().post("/accounts/me/privacy-consents").then().statusCode(401);
        assertThat(consentsOf(email)).isEqualTo(1);
    }

    @Test
    void theConsentRecordIsAppendOnlyButForForgettingTheClientAddress() {
        String email = Accounts.newEmail("appendonly");
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
        assertThat(consentsOf(email)).isEqualTo(1);
        assertThatThrownBy(() -> Db.update("UPDATE privacy_consent SET notice_version = 'forged'"
                + " WHERE account_id = (SELECT id FROM account WHERE email = ?)", email))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> Db.update("DELETE FROM privacy_consent"
                + " WHERE account_id = (SELECT id FROM account WHERE email = ?)", email))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> Db.update("UPDATE privacy_consent SET client_address = NULL, language = 'en'"
                + " WHERE account_id = (SELECT id FROM account WHERE email = ?)", email))
                .hasMessageContaining("append-only");
        assertThat(Db.count("SELECT count(*) FROM privacy_consent c JOIN account a ON a.id = c.account_id"
                + " WHERE a.email = ? AND c.notice_version = ? AND c.client_address IS NOT NULL", email,
                Accounts.NOTICE)).isEqualTo(1);

        // the one change allowed: the client address forgotten (an erased account), the proof itself stays
        assertThat(Db.update("UPDATE privacy_consent SET client_address = NULL"
                + " WHERE account_id = (SELECT id FROM account WHERE email = ?)", email)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM privacy_consent c JOIN account a ON a.id = c.account_id"
                + " WHERE a.email = ? AND c.notice_version = ? AND c.client_address IS NULL", email,
                Accounts.NOTICE)).isEqualTo(1);
    }
}
