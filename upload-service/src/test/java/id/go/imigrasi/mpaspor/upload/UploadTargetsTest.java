package id.go.imigrasi.mpaspor.upload;

import static id.go.imigrasi.mpaspor.upload.support.UploadFixtures.count;
import static id.go.imigrasi.mpaspor.upload.support.UploadFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.contracts.application.ApplicantsChanged;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.upload.service.UnknownTargetRule;
import id.go.imigrasi.mpaspor.upload.support.UploadFixtures.Draft;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Who may upload for whom, from upload-service's projection of application.events (issue 24): only the account
 * whose draft names the applicant; nothing once the application is submitted or cancelled; an applicant announced a
 * moment after the upload was asked for is waited for, not refused; one the projection still does not know is "not
 * yet" (409 + Retry-After) for a bounded time, never a 404 for what exists. Reproduced: session 29's upload storm told
 * 207 real applicants 404 while the projection lagged by more than the in-request catch-up.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "upload"))
class UploadTargetsTest {

    @Inject
    UnknownTargetRule rule;

    @Inject
    MeterRegistry registry;

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    @Test
    void theDraftsAccountUploadsForItsApplicantAndNobodyElse() {
        Draft draft = Draft.announced();
        draft.create(1000, "EKTP").then().statusCode(201);

        Draft stranger = new Draft(UUID.randomUUID().toString(), draft.application(), draft.applicant());
        stranger.create(1000, "EKTP").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "upload-target-not-found"));
        // the account's draft without that applicant (yet): "not yet", then, once the window is over, 404
        Draft otherApplicant = new Draft(draft.account(), draft.application(), UUID.randomUUID().toString());
        otherApplicant.create(1000, "EKTP").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "upload-target-not-yet-known"));
        windowOver(otherApplicant);
        otherApplicant.create(1000, "EKTP").then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "upload-target-not-found"));
        assertThat(count("SELECT count(*) FROM upload WHERE application_id = ?::uuid", draft.application())).isOne();
    }

    @Test
    void aSubmittedOrCancelledApplicationTakesNoMoreDocuments() {
        Draft submitted = Draft.announced();
        publish(new ApplicationSubmitted(submitted.application(), submitted.account(), UUID.randomUUID().toString(),
                "JKTSEL", LocalDate.now().plusDays(7), "MORNING", List.of(), Instant.now(), "REGULAR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM upload_target_application"
                + " WHERE application_id = ?::uuid AND NOT draft", submitted.application()) == 1);
        submitted.create(1000, "EKTP").then().statusCode(409).body("type",
                equalTo(PROBLEMS + "upload-application-not-editable"));

        Draft cancelled = Draft.announced();
        publish(new ApplicationCancelled(cancelled.application(), cancelled.account(), null, "APPLICANT",
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM upload_target_application"
                + " WHERE application_id = ?::uuid AND NOT draft", cancelled.application()) == 1);
        cancelled.create(1000, "EKTP").then().statusCode(409);

        // application-service announces a finished application with no applicants, no longer a draft
        Draft finished = Draft.announced();
        publish(new ApplicantsChanged(finished.application(), finished.account(), List.of(), Instant.now(), List.of(),
                false));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM upload_target_applicant"
                + " WHERE application_id = ?::uuid", finished.application()) == 0);
        finished.create(1000, "EKTP").then().statusCode(404);
    }

    @Test
    void anApplicantAnnouncedAMomentAfterTheUploadWasAskedForIsWaitedFor() throws Exception {
        Draft draft = Draft.unannounced();
        CompletableFuture<Response> creation = CompletableFuture.supplyAsync(() -> draft.create(1000, "EKTP"));
        // the creation waits for the applicant's announcement: still unanswered 300 ms on
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !creation.isDone());
        draft.announce(true);
        assertThat(creation.get().statusCode()).as(creation.get().asString()).isEqualTo(201);

        // never announced: "not yet" once the in-request catch-up (2 s) is over, not before, and not much after
        long start = System.nanoTime();
        Draft never = Draft.unannounced();
        never.create(1000, "EKTP").then().statusCode(409).contentType("application/problem+json")
                .header("Retry-After", "2").body("type", equalTo(PROBLEMS + "upload-target-not-yet-known"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900),
                Duration.ofSeconds(6));
        assertThat(count("SELECT count(*) FROM upload WHERE application_id = ?::uuid", never.application())).isZero();
    }

    private double catchUps(String outcome) {
        return registry.counter("mpaspor.upload.target.catch.ups", "outcome", outcome).count();
    }

    @Test
    void anApplicationKnownToBeSomeoneElsesIsRefusedWithoutTheCatchUp() {
        Draft draft = Draft.announced();
        double refusedBefore = catchUps("refused");
        double foundBefore = catchUps("found");

        // another account's draft, and the account's own application once submitted: nothing to wait for
        new Draft(UUID.randomUUID().toString(), draft.application(), draft.applicant()).create(1000, "EKTP").then()
                .statusCode(404).body("type", equalTo(PROBLEMS + "upload-target-not-found"));
        publish(new ApplicationSubmitted(draft.application(), draft.account(), UUID.randomUUID().toString(),
                "JKTSEL", LocalDate.now().plusDays(7), "MORNING", List.of(), Instant.now(), "REGULAR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM upload_target_application"
                + " WHERE application_id = ?::uuid AND NOT draft", draft.application()) == 1);
        new Draft(draft.account(), draft.application(), UUID.randomUUID().toString()).create(1000, "EKTP").then()
                .statusCode(404);
        assertThat(catchUps("refused")).as("no catch-up started for either").isEqualTo(refusedBefore);

        // an application the projection has not heard of: looked up again in-request, then "not yet"
        Draft unknown = Draft.unannounced();
        unknown.create(1000, "EKTP").then().statusCode(409);
        assertThat(catchUps("refused")).isEqualTo(refusedBefore + 1);
        assertThat(catchUps("found")).isEqualTo(foundBefore);
    }

    @Test
    void anUploadTheProjectionDoesNotKnowYetIsAskedAgainForABoundedTimeThenRefused() {
        // the projection lags more than the in-request catch-up (an upload storm, a broker outage)
        Draft late = Draft.unannounced();
        late.create(1000, "EKTP").then().statusCode(409).header("Retry-After", "2")
                .body("type", equalTo(PROBLEMS + "upload-target-not-yet-known"));
        late.create(1000, "EKTP").then().statusCode(409);
        // the same first refusal counts for every request (and every instance): one row
        assertThat(count("SELECT count(*) FROM upload_target_wait WHERE account_id = ?::uuid", late.account())).isOne();
        // it arrives within the window: the upload asked for again is created
        late.announce(true);
        late.create(1000, "EKTP").then().statusCode(201);

        // never arrives: once the window is over the answer is final
        Draft never = Draft.unannounced();
        never.create(1000, "EKTP").then().statusCode(409);
        windowOver(never);
        never.create(1000, "EKTP").then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "upload-target-not-found"));
        // another account's application is never "not yet": 404 at once, and nothing is recorded for it
        Draft stranger = new Draft(UUID.randomUUID().toString(), late.application(), late.applicant());
        stranger.create(1000, "EKTP").then().statusCode(404);
        assertThat(count("SELECT count(*) FROM upload_target_wait WHERE account_id = ?::uuid", stranger.account()))
                .isZero();
    }

    @Test
    void refusalsLongPastTheirWindowAndLongGoneApplicationsAreForgotten() {
        Draft old = Draft.unannounced();
        old.create(1000, "EKTP").then().statusCode(409);
        Draft recent = Draft.unannounced();
        recent.create(1000, "EKTP").then().statusCode(409);
        RealInfrastructure.database().update("UPDATE upload_target_wait SET first_refused_at = now() - interval '1 hour'"
                + " WHERE account_id = ?::uuid", old.account());
        String longGone = UUID.randomUUID().toString();
        String justGone = UUID.randomUUID().toString();
        RealInfrastructure.database().update("INSERT INTO upload_target_gone (application_id, gone_at) VALUES"
                + " (?::uuid, now() - interval '8 days'), (?::uuid, now())", longGone, justGone);
        rule.forgetOldRefusals().await().atMost(Duration.ofSeconds(10));
        assertThat(count("SELECT count(*) FROM upload_target_wait WHERE account_id = ?::uuid", old.account())).isZero();
        assertThat(count("SELECT count(*) FROM upload_target_wait WHERE account_id = ?::uuid", recent.account()))
                .isOne();
        assertThat(count("SELECT count(*) FROM upload_target_gone WHERE application_id IN (?::uuid, ?::uuid)",
                longGone, justGone)).as("a week's gone kept, older forgotten").isOne();
    }

    /** As if the first refusal of this upload target were older than the window (30 s). */
    private static void windowOver(Draft draft) {
        RealInfrastructure.database().update("UPDATE upload_target_wait SET first_refused_at = now() - interval '31 s'"
                + " WHERE account_id = ?::uuid AND application_id = ?::uuid", draft.account(), draft.application());
    }

    @Test
    void anOlderAnnouncementDoesNotOverwriteANewerOne() {
        Draft draft = Draft.announced();
        Instant past = Instant.now().minusSeconds(3600);
        String marker = publish(new ApplicantsChanged(draft.application(), draft.account(), List.of(), past, List.of(),
                true));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM inbox WHERE event_id = ?",
                marker) == 1);
        draft.create(1000, "EKTP").then().statusCode(201);
    }
}
