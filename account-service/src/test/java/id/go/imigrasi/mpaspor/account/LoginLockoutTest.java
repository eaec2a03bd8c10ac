package id.go.imigrasi.mpaspor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Five wrong passwords in 15 minutes lock the email for 15 minutes, without revealing whether it exists. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LoginLockoutTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static ValidatableResponse failFiveTimes(String email) {
        for (int i = 0; i < 4; i++) {
            Accounts.login(email, "Salah-Sandi-" + i).then().statusCode(401)
                    .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/invalid-credentials"));
        }
        return Accounts.login(email, "Salah-Sandi-5").then();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        String email = Accounts.newEmail("locked");
        String id = Accounts.activeApplicant(email);
        failFiveTimes(email).statusCode(429)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/login-locked"));
        String retryAfter = Accounts.login(email, Accounts.PASSWORD).then().statusCode(429).extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 900);

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "account.events")) {
            probe.await(r -> id.equals(r.key()) && r.value().getType().equals("mpaspor.account.AccountLocked.v1"),
                    Duration.ofSeconds(20));
        }

        Db.update("UPDATE login_guard SET locked_until = now() - interval '1 second' WHERE email = ?", email);
        Accounts.login(email, Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void unknownEmailIsAnsweredExactlyLikeAKnownOne() {
        String ghost = Accounts.newEmail("ghost");
        Accounts.login(ghost, "Whatever-123").then().statusCode(401)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/invalid-credentials"));
        String known = Accounts.newEmail("known");
        Accounts.activeApplicant(known);
        Accounts.login(known, "Whatever-123").then().statusCode(401)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/invalid-credentials"));
        // and the lock looks the same too
        Accounts.login(ghost, "x-1").then().statusCode(401);
        Accounts.login(ghost, "x-2").then().statusCode(401);
        Accounts.login(ghost, "x-3").then().statusCode(401);
        Accounts.login(ghost, "x-4").then().statusCode(429)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/login-locked"));
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        String email = Accounts.newEmail("slow");
        Accounts.activeApplicant(email);
        for (int i = 0; i < 4; i++) {
            Accounts.login(email, "Salah-" + i).then().statusCode(401);
        }
        Db.update("UPDATE login_guard SET window_start = window_start - interval '16 minutes' WHERE email = ?", email);
        Accounts.login(email, "Salah-5").then().statusCode(401);
        Accounts.login(email, Accounts.PASSWORD).then().statusCode(200);
    }
}
