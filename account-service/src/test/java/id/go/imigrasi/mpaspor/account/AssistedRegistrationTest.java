package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

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
 * Assisted registration at the desk (issue 19): an officer registers a person without a smartphone and acts for them
 * with the person's own tokens, which name the officer ({@code act}); the registration is the officer's in the event
 * and the admin audit; only officers of that office may act, only until the person takes the account over, and not
 * once the officer is disabled.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = QuotaOffices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AssistedRegistrationTest {

    private static final String OFFICER_PASSWORD = "Loket-Bantuan-2026";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static String[] officerAt(String office) {
        String email = Accounts.newEmail("loket");
        String id = given().auth().oauth2(TestJwt.admin("admin-desk")).contentType(ContentType.JSON)
                .body(Map.of("name", "Petugas " + office, "email", email, "officeCode", office,
                        "password", OFFICER_PASSWORD))
                .post("/admin/officers").then().statusCode(201).extract().path("id");
        String token = Accounts.login(email, OFFICER_PASSWORD).then().statusCode(200).extract().path("accessToken");
        return new String[] { id, token };
    }

    private static Map<String, Object> person(String email) {
        return Map.of("name", "Siti Aminah", "email", email, "phone", "0812-3456-7001", "language", "id",
                "privacyNoticeVersion", Accounts.NOTICE);
    }

    private static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void anOfficerRegistersAPersonAndActsForThemWithTheirOwnTokensThatNameTheOfficer() {
        String[] officer = officerAt("JKTSEL");
        String email = Accounts.newEmail("siti");
        JsonPath created;
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "account.events")) {
            created = given().auth().oauth2(officer[1]).contentType(ContentType.JSON).body(person(email))
                    .post("/office/assisted-accounts").then().statusCode(201).extract().jsonPath();
            String accountId = created.getString("accountId");
            var event = probe.await(r -> accountId.equals(r.key())
                    && r.value().getType().equals("mpaspor.account.AccountRegistered.v1"), Duration.ofSeconds(30));
            assertThat(new String(event.value().getData().toBytes()))
                    .contains("\"assistedBy\":\"" + officer[0] + "\"").contains("\"assistedOffice\":\"JKTSEL\"");
        }
        String accountId = created.getString("accountId");
        String desk = created.getString("desk.accessToken");
        JsonPath claims = claims(desk);
        assertThat(claims.getString("sub")).isEqualTo(accountId);
        assertThat(claims.getList("groups")).containsExactly("applicant");
        assertThat(claims.getString("act.sub")).isEqualTo(officer[0]);
        assertThat(claims.getString("act.office_code")).isEqualTo("JKTSEL");
        assertThat(claims.getString("office_code")).isNull();

        // the person's account, usable at once, with their consent recorded
        given().auth().oauth2(desk).get("/accounts/me").then().statusCode(200)
                .body("email", equalTo(email)).body("status", equalTo("ACTIVE"))
                .body("privacyNotice.acceptanceRequired", equalTo(false));
        MailServer.await(email, "kantor imigrasi", 1, Duration.ofSeconds(20));

        // refreshed, the session still names the officer
        String refreshed = Accounts.refresh(created.getString("desk.refreshToken")).then().statusCode(200)
                .extract().path("accessToken");
        assertThat(claims(refreshed).getString("act.sub")).isEqualTo(officer[0]);
        assertThat(claims(refreshed).getString("sub")).isEqualTo(accountId);

        // the admin audit says which officer registered whom, where
        List<Map<String, Object>> audit = given().auth().oauth2(TestJwt.admin("a")).get("/admin/audit?officeCode=JKTSEL")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("AssistedRegistration");
            assertThat(e.get("actorId")).isEqualTo(officer[0]);
            assertThat(e.get("subjectId")).isEqualTo(accountId);
            assertThat(e.get("officeCode")).isEqualTo("JKTSEL");
        });

        // another officer of the same office may act again; another office's may not, nor may anyone probe
        String colleague = TestJwt.officer(UUID.randomUUID().toString(), "JKTSEL");
        given().auth().oauth2(colleague).contentType(ContentType.JSON)
                .post("/office/assisted-accounts/" + accountId + "/desk-session").then().statusCode(200)
                .body("tokenType", equalTo("Bearer"));
        for (String path : List.of(accountId, UUID.randomUUID().toString(), "not-an-id")) {
            given().auth().oauth2(TestJwt.officer(UUID.randomUUID().toString(), "SOETTA")).contentType(ContentType.JSON)
                    .post("/office/assisted-accounts/" + path + "/desk-session").then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/desk-session-refused"));
        }
        // an account registered online is never a desk's to act for
        String online = Accounts.newEmail("daring");
        String onlineId = Accounts.register(online, Accounts.PASSWORD).then().statusCode(201).extract().path("id");
        given().auth().oauth2(officer[1]).contentType(ContentType.JSON)
                .post("/office/assisted-accounts/" + onlineId + "/desk-session").then().statusCode(404);
    }

    @Test
    void theDeskSessionEndsWhenThePersonTakesTheAccountOverOrTheOfficerIsDisabled() {
        String[] officer = officerAt("JKTSEL");
        String email = Accounts.newEmail("budi");
        JsonPath created = given().auth().oauth2(officer[1]).contentType(ContentType.JSON).body(person(email))
                .post("/office/assisted-accounts").then().statusCode(201).extract().jsonPath();
        String accountId = created.getString("accountId");

        // the person takes the account over with the reset code sent to their address
        Accounts.requestOtp(email, "RESET_PASSWORD").then().statusCode(202);
        String code = MailServer.otp(email, 1);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "otp", code, "newPassword", "Nasi-Uduk-Pagi-77"))
                .post("/accounts/password-reset").then().statusCode(204);
        Accounts.refresh(created.getString("desk.refreshToken")).then().statusCode(401);
        given().auth().oauth2(officer[1]).contentType(ContentType.JSON)
                .post("/office/assisted-accounts/" + accountId + "/desk-session").then().statusCode(404);
        Accounts.login(email, "Nasi-Uduk-Pagi-77").then().statusCode(200);

        // a disabled officer's desk session is not refreshed any more
        JsonPath other = given().auth().oauth2(officer[1]).contentType(ContentType.JSON)
                .body(person(Accounts.newEmail("rina"))).post("/office/assisted-accounts").then().statusCode(201)
                .extract().jsonPath();
        given().auth().oauth2(TestJwt.admin("admin-desk")).contentType(ContentType.JSON)
                .post("/admin/officers/" + officer[0] + "/disable").then().statusCode(200);
        Accounts.refresh(other.getString("desk.refreshToken")).then().statusCode(401);
    }

    @Test
    void badInputIsAProblemByFieldAndOnlyOfficersRegisterAtADesk() {
        String officer = TestJwt.officer(UUID.randomUUID().toString(), "JKTSEL");
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "email", "bukan-email", "phone", "12", "privacyNoticeVersion", "2020-01-01"))
                .header("Accept-Language", "en")
                .post("/office/assisted-accounts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "email", "phone", "privacyNoticeVersion"));
        String taken = Accounts.newEmail("ada");
        Accounts.register(taken, Accounts.PASSWORD).then().statusCode(201);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(person(taken))
                .post("/office/assisted-accounts").then().statusCode(409)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/email-taken"));
        given().auth().oauth2(TestJwt.applicant(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body(person(Accounts.newEmail("x"))).post("/office/assisted-accounts").then().statusCode(403);
        given().auth().oauth2(TestJwt.admin("a")).contentType(ContentType.JSON)
                .body(person(Accounts.newEmail("y"))).post("/office/assisted-accounts").then().statusCode(403);
        assertThat(Db.count("SELECT count(*) FROM account WHERE email = ?", taken)).isEqualTo(1);
    }
}
