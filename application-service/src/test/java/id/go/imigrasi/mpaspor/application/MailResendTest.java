package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.email;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.publish;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.contracts.billing.BillingIssued;
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentScheduled;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Sending a mail again (issue 22): a new copy on the mail outbox beside the first (both in the mails list), once per
 * kind and application per window (429 with Retry-After), for the applicant and the booking office's officers.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MailResendTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    private static Response resend(String token, String app, String kind) {
        return given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("kind", kind)).when().post("/applications/{id}/mails/resend", app);
    }

    private static long mails(String app, String kind) {
        return count("SELECT count(*) FROM queued_mail WHERE aggregate_id = ? AND kind = ?", app, kind);
    }

    @Test
    void aResendQueuesOneNewCopyAndASecondWithinTheWindowIs429() {
        String account = newAccount();
        String app = createApplication(account);
        String applicant = addApplicant(account, app, adult("Siti Nurhaliza"));
        String code = "87" + String.format("%013d", System.nanoTime() % 10_000_000_000_000L);
        publish(new BillingIssued(app, "hold-" + UUID.randomUUID(), code, 650_000, Instant.now().plusSeconds(7200)));
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(app, "BILLING_ISSUED") == 1);

        // nothing of that kind yet, or no such kind: nothing to resend
        resend(token(account), app, "APPOINTMENT_SCHEDULED").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "mail-not-found"));
        resend(token(account), app, "WELCOME").then().statusCode(400).body("errors.field", contains("kind"));
        resend(token(newAccount()), app, "BILLING_ISSUED").then().statusCode(404);

        resend(token(account), app, "billing_issued").then().statusCode(202).body("kind", equalTo("BILLING_ISSUED"));
        assertThat(mails(app, "BILLING_ISSUED")).isEqualTo(2);
        Response again = resend(token(account), app, "BILLING_ISSUED");
        again.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "mail-resend-too-soon"));
        assertThat(Integer.parseInt(again.header("Retry-After"))).isBetween(1, 300);
        assertThat(mails(app, "BILLING_ISSUED")).isEqualTo(2);

        // both copies arrive, and the list shows the first and the resent one
        await().atMost(Duration.ofSeconds(30)).until(() -> MailCatcher.to(email(account)).stream()
                .filter(m -> m.subject().contains(code)).count() == 2);
        List<Boolean> resent = given().auth().oauth2(token(account)).when().get("/applications/{id}/mails", app)
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.kind == 'BILLING_ISSUED' }.resent");
        assertThat(resent).containsExactly(false, true);
        List<String> kinds = given().auth().oauth2(token(account)).when().get("/applications/{id}", app)
                .then().statusCode(200).extract().jsonPath().getList("timeline.kind");
        assertThat(kinds).contains("MAIL_RESENT");

        // past the window it may be resent again
        RealInfrastructure.database().update("UPDATE mail_resend SET requested_at = requested_at - interval '6 minutes'"
                + " WHERE application_id = ?::uuid", app);
        resend(token(account), app, "BILLING_ISSUED").then().statusCode(202);
        assertThat(mails(app, "BILLING_ISSUED")).isEqualTo(3);

        // the booking office's officer resends the appointment; another office's finds nothing
        String booking = "BK" + System.nanoTime();
        publish(new AppointmentScheduled("appt-" + UUID.randomUUID(), app, applicant, "JKTTIM",
                LocalDate.now().plusDays(5), "AFTERNOON", booking));
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(app, "APPOINTMENT_SCHEDULED") == 1);
        resend(TestJwt.officer("officer-sby", "SBY"), app, "APPOINTMENT_SCHEDULED").then().statusCode(404);
        resend(TestJwt.officer("officer-tim", "JKTTIM"), app, "APPOINTMENT_SCHEDULED").then().statusCode(202);
        assertThat(mails(app, "APPOINTMENT_SCHEDULED")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM mail_resend WHERE application_id = ?::uuid AND kind ="
                + " 'APPOINTMENT_SCHEDULED' AND requested_by = 'officer-tim' AND requested_by_role = 'OFFICER'", app))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> MailCatcher.to(email(account)).stream()
                .filter(m -> m.body().contains(booking)).count() == 2);
    }
}
