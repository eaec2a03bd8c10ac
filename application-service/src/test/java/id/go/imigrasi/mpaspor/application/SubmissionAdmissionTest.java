package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.publish;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
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
import id.go.imigrasi.mpaspor.contracts.application.DocumentAccepted;
import id.go.imigrasi.mpaspor.contracts.application.DocumentUploaded;
import id.go.imigrasi.mpaspor.contracts.billing.BillingIssued;
import id.go.imigrasi.mpaspor.contracts.quota.SlotHeld;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Submissions are admitted by the work behind them: while as many submissions as the limit wait for their billing
 * code, the next one is refused at once with 503 problem+json and Retry-After and changes nothing; once billing
 * codes arrive, submissions are admitted again.
 */
@QuarkusTest
@TestProfile(SubmissionAdmissionTest.OneSubmissionWaiting.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SubmissionAdmissionTest {

    private static final String COUNTED_FOR = "PT3S";

    public static class OneSubmissionWaiting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String p = "mpaspor.application.submission-admission.";
            return Map.of(p + "enabled", "true", p + "min-waiting", "1", p + "initial-waiting", "1",
                    p + "max-waiting", "1", p + "refresh", "PT0.05S", p + "counted-for", COUNTED_FOR,
                    p + "retry-after", "PT2S");
        }
    }

    private record Ready(String account, String app, String holdId) {
    }

    /** An application whose only applicant has every document accepted, with a hold the service knows. */
    private static Ready readyToSubmit() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> person = adult("Dewi Lestari");
        String applicant = addApplicant(account, app, person);
        for (String type : List.of("EKTP", "KK", "BIRTH_CERTIFICATE")) {
            String uploadId = "upl-" + UUID.randomUUID();
            publish(new DocumentUploaded(uploadId, app, applicant, account, type, type.toLowerCase() + ".pdf", 123_456,
                    "ab".repeat(32), "uploads/" + uploadId, Instant.now()));
            publish(new DocumentAccepted(uploadId, app, applicant, type, "application/pdf", Instant.now()));
        }
        SlotHeld hold = new SlotHeld("hold-" + UUID.randomUUID(), account, "JKTSEL", LocalDate.now().plusDays(10),
                "MORNING", "REGULAR", List.of((String) person.get("nik")), Instant.now().plusSeconds(900));
        publish(hold);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM hold WHERE hold_id = ?",
                hold.holdId()) == 1 && given().auth().oauth2(token(account)).get("/applications/{id}/requirements", app)
                        .then().extract().<Boolean>path("readyToSubmit"));
        return new Ready(account, app, hold.holdId());
    }

    private static ValidatableResponse submit(Ready ready, String language) {
        return given().auth().oauth2(token(ready.account())).header("Accept-Language", language)
                .contentType(ContentType.JSON).body(Map.of("holdId", ready.holdId())).when()
                .post("/applications/{id}/submission", ready.app()).then();
    }

    private static long waitingForBilling() {
        return count("SELECT count(*) FROM application WHERE status = 'SUBMITTED' AND billing_code IS NULL"
                + " AND submitted_at > now() - interval '" + Duration.parse(COUNTED_FOR).toSeconds() + " seconds'");
    }

    @Test
    void pastTheSubmissionsWaitingForABillingCodeASubmissionIsRefusedAtOnceAndChangesNothingUntilCodesArrive() {
        Ready first = readyToSubmit();
        Ready second = readyToSubmit();
        // submissions of other test classes in this database age out of the count first
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingForBilling() == 0);

        submit(first, "en").statusCode(202).body("status", equalTo("SUBMITTED"));

        long started = System.nanoTime();
        submit(second, "en").statusCode(503).header("Retry-After", "2")
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/submissions-busy"))
                .body("title", equalTo("Submissions busy"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        submit(second, "id").statusCode(503).body("title", equalTo("Pengajuan sedang ramai"));
        // refused means nothing happened: still a draft, no event, no timeline entry
        given().auth().oauth2(token(second.account())).get("/applications/{id}", second.app()).then().statusCode(200)
                .body("status", equalTo("DRAFT"));
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ?", second.app(),
                "mpaspor.application.ApplicationSubmitted.v1")).isZero();
        assertThat(count("SELECT count(*) FROM timeline_entry WHERE application_id = ?::uuid AND kind = 'SUBMITTED'",
                second.app())).isZero();

        publish(new BillingIssued(first.app(), first.holdId(), "820261203000017", 350_000,
                Instant.now().plusSeconds(7200)));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingForBilling() == 0);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> submit(second, "en").extract().statusCode() == 202);
        given().auth().oauth2(token(second.account())).get("/applications/{id}", second.app()).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
    }
}
