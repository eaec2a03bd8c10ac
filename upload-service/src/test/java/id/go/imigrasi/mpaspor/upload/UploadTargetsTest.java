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

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.contracts.application.ApplicantsChanged;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.upload.support.UploadFixtures.Draft;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Who may upload for whom, from upload-service's projection of application.events (issue 24): only the account
 * whose draft names the applicant; nothing once the application is submitted or cancelled; an applicant announced a
 * moment after the upload was asked for is waited for, not refused.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "upload"))
class UploadTargetsTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    @Test
    void theDraftsAccountUploadsForItsApplicantAndNobodyElse() {
        Draft draft = Draft.announced();
        draft.create(1000, "EKTP").then().statusCode(201);

        Draft stranger = new Draft(UUID.randomUUID().toString(), draft.application(), draft.applicant());
        stranger.create(1000, "EKTP").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "upload-target-not-found"));
        Draft otherApplicant = new Draft(draft.account(), draft.application(), UUID.randomUUID().toString());
        otherApplicant.create(1000, "EKTP").then().statusCode(404);
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

        // never announced: refused once the catch-up time (2 s) is over, not before, and not much after
        long start = System.nanoTime();
        Draft.unannounced().create(1000, "EKTP").then().statusCode(404);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900),
                Duration.ofSeconds(6));
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
