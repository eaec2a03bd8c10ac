package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 25, Security 6: an access token stops working soon after its session ends (logout, password change or
 * reset, refresh-token reuse), not 15 minutes later. The revocation travels as SessionRevoked on account.events
 * and every instance's platform RevokedSessions refuses the session's tokens.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SessionRevocationTest {

    private static final Duration BOUND = Duration.ofSeconds(15);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static int me(String accessToken) {
        return given().auth().oauth2(accessToken).when().get("/accounts/me").statusCode();
    }

    private static JsonPath login(String email, String password) {
        return Accounts.login(email, password).then().statusCode(200).extract().jsonPath();
    }

    private static String sid(String accessToken) throws Exception {
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build()
                .processToClaims(accessToken);
        return claims.getStringClaimValue("sid");
    }

    @Test
    void logoutNeedsNoAccessTokenAndEndsTheAccessTokenWithinSeconds() throws Exception {
        String email = Accounts.newEmail("logout");
        String id = Accounts.activeApplicant(email);
        JsonPath session = login(email, Accounts.PASSWORD);
        String access = session.getString("accessToken");
        assertThat(me(access)).isEqualTo(200);

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "account.events")) {
            // a stale or garbage access token does not stand in the way of logging out
            given().header("Authorization", "Bearer not-a-token").contentType(ContentType.JSON)
                    .body(Map.of("refreshToken", session.getString("refreshToken")))
                    .when().post("/auth/logout").then().statusCode(204);
            var revoked = probe.await(r -> id.equals(r.key())
                    && r.value().getType().equals("mpaspor.account.SessionRevoked.v1"), Duration.ofSeconds(20));
            assertThat(new String(revoked.value().getData().toBytes())).contains(sid(access)).contains("LOGOUT");
        }
        await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).until(() -> me(access) == 401);
        given().auth().oauth2(access).when().get("/accounts/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void passwordChangeEndsTheOtherSessionsAccessTokensButNotItsOwn() {
        String email = Accounts.newEmail("change");
        Accounts.activeApplicant(email);
        String phone = login(email, Accounts.PASSWORD).getString("accessToken");
        String laptop = login(email, Accounts.PASSWORD).getString("accessToken");
        given().auth().oauth2(phone).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "Sandi-Baru-Rumah-77"))
                .when().post("/accounts/me/password").then().statusCode(204);
        await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).until(() -> me(laptop) == 401);
        assertThat(me(phone)).isEqualTo(200);
    }

    @Test
    void passwordResetEndsEveryAccessToken() {
        String email = Accounts.newEmail("reset");
        Accounts.activeApplicant(email);
        String access = login(email, Accounts.PASSWORD).getString("accessToken");
        Db.ageOtp(email, 61);
        Accounts.requestOtp(email, "RESET_PASSWORD").then().statusCode(202);
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "otp", MailServer.otp(email, 2), "newPassword", "Atur-Ulang-Sandi-55"))
                .when().post("/accounts/password-reset").then().statusCode(204);
        await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).until(() -> me(access) == 401);
    }

    @Test
    void refreshTokenReuseEndsTheSessionAndIsPublished() {
        String email = Accounts.newEmail("reuse");
        String id = Accounts.activeApplicant(email);
        JsonPath session = login(email, Accounts.PASSWORD);
        String first = session.getString("refreshToken");
        JsonPath rotated = Accounts.refresh(first).then().statusCode(200).extract().jsonPath();
        String access = rotated.getString("accessToken");
        assertThat(me(access)).isEqualTo(200);
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "account.events")) {
            Accounts.refresh(first).then().statusCode(401)
                    .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/refresh-token-reused"));
            probe.await(r -> id.equals(r.key()) && r.value().getType().equals("mpaspor.account.RefreshTokenReused.v1"),
                    Duration.ofSeconds(20));
        }
        await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).until(() -> me(access) == 401);
    }

    @Test
    void wrongCurrentPasswordsInAPasswordChangeCountTowardTheLockout() {
        String email = Accounts.newEmail("change-guess");
        Accounts.activeApplicant(email);
        String access = login(email, Accounts.PASSWORD).getString("accessToken");
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(access).contentType(ContentType.JSON)
                    .body(Map.of("currentPassword", "Tebakan-" + i, "newPassword", "Sandi-Baru-Rumah-77"))
                    .when().post("/accounts/me/password").then().statusCode(400)
                    .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/wrong-current-password"));
        }
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "Tebakan-5", "newPassword", "Sandi-Baru-Rumah-77"))
                .when().post("/accounts/me/password").then().statusCode(429)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/login-locked"));
        // locked for this client: the right current password, and a login, wait too
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "Sandi-Baru-Rumah-77"))
                .when().post("/accounts/me/password").then().statusCode(429);
        Accounts.login(email, Accounts.PASSWORD).then().statusCode(429);
    }
}
