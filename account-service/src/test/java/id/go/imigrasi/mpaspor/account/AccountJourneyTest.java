package id.go.imigrasi.mpaspor.account;

import static id.go.imigrasi.mpaspor.account.Accounts.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The whole account journey, as the mobile app walks it, against real PostgreSQL, Kafka and SMTP. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AccountJourneyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/.well-known/jwks.json")
    String jwksUrl;

    @Test
    void registerVerifyLoginRefreshChangeAndResetPassword() throws Exception {
        String email = Accounts.newEmail("siti");

        // register: PENDING_VERIFICATION, an OTP in the mailbox; login is refused until verified
        String id = Accounts.register(email, PASSWORD).then().statusCode(201)
                .body("status", equalTo("PENDING_VERIFICATION")).extract().path("id");
        Accounts.login(email, PASSWORD).then().statusCode(403)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/account-not-verified"));
        Accounts.verify(email, MailServer.otp(email, 1)).then().statusCode(200).body("status", equalTo("ACTIVE"));
        MailServer.await(email, "Selamat datang", 1, Duration.ofSeconds(20));

        // login: a short-lived RS256 token other services can verify with the published JWKS
        var session = Accounts.login(email, PASSWORD).then().statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(900))
                .extract().jsonPath();
        String access = session.getString("accessToken");
        JwtClaims claims = verifyWithJwks(access);
        assertThat(claims.getSubject()).isEqualTo(id);
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo(email);
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("applicant");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(900);

        given().auth().oauth2(access).when().get("/accounts/me")
                .then().statusCode(200).body("email", equalTo(email)).body("phone", equalTo("+6281234567890"))
                .body("role", equalTo("APPLICANT")).body("status", equalTo("ACTIVE"));

        // refresh rotates; presenting the spent token again revokes the whole session
        String first = session.getString("refreshToken");
        String second = Accounts.refresh(first).then().statusCode(200).extract().path("refreshToken");
        assertThat(second).isNotEqualTo(first);
        Accounts.refresh(first).then().statusCode(401)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/refresh-token-reused"));
        Accounts.refresh(second).then().statusCode(401);

        // two sessions; changing the password in one signs the other out
        var phone = Accounts.login(email, PASSWORD).then().statusCode(200).extract().jsonPath();
        var laptop = Accounts.login(email, PASSWORD).then().statusCode(200).extract().jsonPath();
        String newPassword = "Rumah-Baru-di-Bogor-7";
        given().auth().oauth2(phone.getString("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", newPassword))
                .when().post("/accounts/me/password").then().statusCode(204);
        Accounts.refresh(laptop.getString("refreshToken")).then().statusCode(401);
        Accounts.refresh(phone.getString("refreshToken")).then().statusCode(200);
        Accounts.login(email, PASSWORD).then().statusCode(401);
        Accounts.login(email, newPassword).then().statusCode(200);
        MailServer.await(email, "diubah", 1, Duration.ofSeconds(20));

        // forgot password: a reset code by email, then a new password; every session is signed out
        var before = Accounts.login(email, newPassword).then().statusCode(200).extract().jsonPath();
        Db.ageOtp(email, 61); // past the resend interval since the registration code
        Accounts.requestOtp(email, "RESET_PASSWORD").then().statusCode(202);
        String resetCode = MailServer.otp(email, 2);
        String third = "Liburan-ke-Tokyo-2027";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "otp", resetCode, "newPassword", third))
                .when().post("/accounts/password-reset").then().statusCode(204);
        Accounts.refresh(before.getString("refreshToken")).then().statusCode(401);
        Accounts.login(email, third).then().statusCode(200);
        // a reset code works once
        given().contentType(ContentType.JSON).body(Map.of("email", email, "otp", resetCode, "newPassword", "Lain-Lagi-2028"))
                .when().post("/accounts/password-reset").then().statusCode(400);

        // logout ends the session
        var last = Accounts.login(email, third).then().statusCode(200).extract().jsonPath();
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", last.getString("refreshToken")))
                .when().post("/auth/logout").then().statusCode(204);
        Accounts.refresh(last.getString("refreshToken")).then().statusCode(401);

        // what ops see on account.events, keyed by the account id
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "account.events")) {
            probe.await(r -> id.equals(r.key()) && r.value().getType().equals("mpaspor.account.AccountRegistered.v1"),
                    Duration.ofSeconds(20));
            probe.await(r -> id.equals(r.key()) && r.value().getType().equals("mpaspor.account.AccountVerified.v1"),
                    Duration.ofSeconds(20));
            var changes = probe.awaitCount(r -> id.equals(r.key())
                    && r.value().getType().equals("mpaspor.account.PasswordChanged.v1"), 2, Duration.ofSeconds(20));
            assertThat(changes).hasSize(2);
            String payloads = probe.seen().stream().filter(r -> id.equals(r.key()))
                    .map(r -> new String(r.value().getData().toBytes())).reduce("", String::concat);
            assertThat(payloads).as("no secret leaves in an event").doesNotContain(PASSWORD).doesNotContain(resetCode)
                    .doesNotContain("passwordHash");
        }
    }

    @Test
    void jwksPublishesTheVerificationKey() {
        given().when().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig")).body("keys[0].kid", notNullValue())
                .body("keys[0].d", org.hamcrest.Matchers.nullValue());
    }

    private JwtClaims verifyWithJwks(String token) throws Exception {
        String json = given().when().get(jwksUrl).then().statusCode(200).extract().asString();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(json).getJsonWebKeys()))
                .setExpectedIssuer("https://mpaspor.imigrasi.go.id")
                .setRequireExpirationTime().setRequireSubject()
                .build();
        return consumer.processToClaims(token);
    }

}
