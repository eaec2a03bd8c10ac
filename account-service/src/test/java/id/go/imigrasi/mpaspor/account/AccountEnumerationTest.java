package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Issue 25, Security 3: no answer tells whether an email has an account, and nobody can lock an owner out from
 * elsewhere.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AccountEnumerationTest {

    private static Response loginFrom(String client, String email, String password) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body(Map.of("email", email, "password", password)).when().post("/auth/login");
    }

    /** The parts of a problem answer a client can compare (requestId and instance differ per request). */
    private static List<Object> shape(Response r) {
        JsonPath body = r.jsonPath();
        return List.of(r.statusCode(), String.valueOf(r.contentType()), String.valueOf(body.getString("type")),
                String.valueOf(body.getString("title")), String.valueOf(body.getList("errors")),
                String.valueOf(r.header("Retry-After") != null));
    }

    @Test
    void registeringATakenEmailAnswersLikeANewOneAndMailsTheOwner() {
        String taken = Accounts.newEmail("taken");
        String ownerId = Accounts.activeApplicant(taken);
        Db.ageOtp(taken, 61); // past the resend interval, which applies to taken and free emails alike

        Response again = Accounts.register(taken.toUpperCase(), "Another-Good-Pass-9");
        Response fresh = Accounts.register(Accounts.newEmail("fresh"), "Another-Good-Pass-9");

        assertThat(again.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(201);
        assertThat(again.jsonPath().getMap("").keySet()).isEqualTo(fresh.jsonPath().getMap("").keySet());
        assertThat(again.jsonPath().getString("status")).isEqualTo("PENDING_VERIFICATION");
        assertThat(again.jsonPath().getString("id")).isNotEqualTo(ownerId);
        // nothing changed for the owner, who is told by mail
        MailServer.await(taken, "mencoba mendaftar", 1, Duration.ofSeconds(20));
        assertThat(Db.count("SELECT count(*) FROM account WHERE email = ?", taken)).isEqualTo(1);
        Accounts.login(taken, Accounts.PASSWORD).then().statusCode(200);
        Accounts.login(taken, "Another-Good-Pass-9").then().statusCode(401);
    }

    @Test
    void registeringATakenEmailTakesAboutAsLongAsANewOne() {
        String taken = Accounts.newEmail("timing");
        Accounts.register(taken, Accounts.PASSWORD).then().statusCode(201);
        List<Long> takenMillis = new ArrayList<>();
        List<Long> freshMillis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Db.ageOtp(taken, 3_601); // past the resend limits (60 s, 5 an hour), which apply to taken emails too
            takenMillis.add(Accounts.register(taken, Accounts.PASSWORD).then().statusCode(201).extract().time());
            freshMillis.add(Accounts.register(Accounts.newEmail("timing-fresh"), Accounts.PASSWORD).then()
                    .statusCode(201).extract().time());
        }
        long takenMedian = takenMillis.stream().sorted().toList().get(2);
        long freshMedian = freshMillis.stream().sorted().toList().get(2);
        // both hash the password first (the dominant cost); a shortcut for taken emails would be many times faster
        assertThat((double) takenMedian / freshMedian).as("taken %s ms vs fresh %s ms", takenMillis, freshMillis)
                .isBetween(0.5, 2.0);
    }

    @Test
    void verificationChecksTheCodeBeforeRevealingAnything() {
        String active = Accounts.newEmail("active");
        Accounts.activeApplicant(active);
        String unknown = Accounts.newEmail("unknown");
        String pending = Accounts.newEmail("pending");
        Accounts.register(pending, Accounts.PASSWORD).then().statusCode(201);
        String pendingCode = MailServer.otp(pending, 1);
        String wrong = pendingCode.equals("123456") ? "654321" : "123456";

        Response forActive = Accounts.verify(active, "123456");
        Response forUnknown = Accounts.verify(unknown, "123456");
        Response forPending = Accounts.verify(pending, wrong);
        // before: 200 ACTIVE for an active account with any code
        assertThat(shape(forActive)).isEqualTo(shape(forUnknown)).isEqualTo(shape(forPending));
        assertThat(forActive.statusCode()).isEqualTo(400);
        // and after the limit, all alike too
        for (int i = 0; i < 4; i++) {
            Accounts.verify(active, "123456");
            Accounts.verify(unknown, "123456");
        }
        assertThat(shape(Accounts.verify(active, "123456"))).isEqualTo(shape(Accounts.verify(unknown, "123456")));
    }

    @Test
    void resetWithAWrongCodeIsAnsweredAlikeForKnownAndUnknownEmails() {
        String known = Accounts.newEmail("reset-known");
        Accounts.activeApplicant(known);
        Db.ageOtp(known, 61);
        String unknown = Accounts.newEmail("reset-unknown");
        Accounts.requestOtp(known, "RESET_PASSWORD").then().statusCode(202);
        Accounts.requestOtp(unknown, "RESET_PASSWORD").then().statusCode(202);
        String code = MailServer.otp(known, 2);
        String wrong = code.equals("123456") ? "654321" : "123456";
        Map<String, String> toKnown = Map.of("email", known, "otp", wrong, "newPassword", "Sandi-Baru-Sekali-9");
        Map<String, String> toUnknown = Map.of("email", unknown, "otp", wrong, "newPassword", "Sandi-Baru-Sekali-9");
        Response a = given().contentType(ContentType.JSON).body(toKnown).post("/accounts/password-reset");
        Response b = given().contentType(ContentType.JSON).body(toUnknown).post("/accounts/password-reset");
        assertThat(shape(a)).isEqualTo(shape(b));
        assertThat(a.statusCode()).isEqualTo(400);
    }

    @Test
    void anUnverifiedAccountAnswersLikeAWrongPasswordUnlessThePasswordIsRight() {
        String pending = Accounts.newEmail("unverified");
        Accounts.register(pending, Accounts.PASSWORD).then().statusCode(201);
        String unknown = Accounts.newEmail("nobody");
        assertThat(shape(Accounts.login(pending, "Bukan-Sandinya-1"))).isEqualTo(shape(Accounts.login(unknown, "Bukan-Sandinya-1")));
        Accounts.login(pending, "Bukan-Sandinya-1").then().statusCode(401)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/invalid-credentials"));
        // with the right password, and only then, it tells the owner the email still needs its code
        Accounts.login(pending, Accounts.PASSWORD).then().statusCode(403)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/account-not-verified"));
    }

    @Test
    void anAttackerLocksOnlyThemselvesOutNotTheOwnerElsewhere() {
        String email = Accounts.newEmail("staff");
        Accounts.activeApplicant(email);
        for (int i = 0; i < 4; i++) {
            loginFrom("203.0.113.9", email, "Tebakan-" + i).then().statusCode(401);
        }
        loginFrom("203.0.113.9", email, "Tebakan-5").then().statusCode(429)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/login-locked"));
        loginFrom("203.0.113.9", email, Accounts.PASSWORD).then().statusCode(429);
        // the owner, from their own address, is not locked out
        loginFrom("198.51.100.23", email, Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void guessesFromManyAddressesAreSlowedPerEmailButTheOwnerWaitsOnlyBriefly() {
        String email = Accounts.newEmail("spread");
        Accounts.activeApplicant(email);
        // the free attempts of the email (10 per hour from anywhere), each from another address
        for (int i = 0; i < 10; i++) {
            loginFrom("192.0.2." + (10 + i), email, "Tebakan-" + i).then().statusCode(401);
        }
        // past them, each attempt must wait for the previous one's back-off (5 s in the test profile, doubling)
        loginFrom("192.0.2.50", email, "Tebakan-50").then().statusCode(401);
        String retryAfter = loginFrom("192.0.2.51", email, "Tebakan-51").then().statusCode(429)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/login-locked"))
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 5);
        // a back-off, not a lock: the owner gets in once it has passed
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> loginFrom("198.51.100.77", email, Accounts.PASSWORD).statusCode() == 200);
    }
}
