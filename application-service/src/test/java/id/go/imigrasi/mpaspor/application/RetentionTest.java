package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.kafka;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.publish;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.service.Retention;
import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentAccepted;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentUploaded;
import id.go.imigrasi.mpaspor.platform.retention.RetentionMetrics;
import id.go.imigrasi.mpaspor.testkit.AtOnce;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The retention rules (issue 23) on a real PostgreSQL and Kafka: the documents of an application finished more than 30
 * days ago are deleted (their states here; ApplicationDocumentsDiscarded tells upload-service, which deletes the
 * uploads, rows and bytes: upload-service's DocumentDiscardsTest), while the record stays;
 * a younger finished application and an unfinished one keep theirs; a draft untouched for 90 days goes with
 * everything hanging off it and quota-service and upload-service are told (ApplicantsChanged with no NIKs,
 * ApplicationDocumentsDiscarded), a recently touched one
 * stays; two instances running the job at once delete and count each thing once. Times are moved into the past in
 * the database instead of waiting.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RetentionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLICANTS_CHANGED = "mpaspor.application.ApplicantsChanged.v1";
    private static final String DISCARDED = "mpaspor.application.ApplicationDocumentsDiscarded.v1";

    @Inject
    Retention retention;

    @Inject
    RetentionMetrics metrics;

    /** An accepted e-KTP as upload-service announces it (DocumentUploaded, DocumentAccepted); its upload id. */
    private static String upload(String account, String app, String applicant) {
        String uploadId = UUID.randomUUID().toString();
        publish(new DocumentUploaded(uploadId, app, applicant, account, "EKTP", "ektp.png", 1_000, "ab".repeat(32),
                "uploads/" + uploadId, Instant.now()));
        publish(new DocumentAccepted(uploadId, app, applicant, "EKTP", "image/png", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM applicant_document"
                + " WHERE upload_id = ? AND state = 'ACCEPTED'", uploadId) == 1);
        return uploadId;
    }

    /** A document state written straight into the table, as an accepted upload leaves it. */
    private static String stored(String applicant) {
        String id = UUID.randomUUID().toString();
        RealInfrastructure.database().update("INSERT INTO applicant_document (id, applicant_id, document_type,"
                + " upload_id, state, uploaded_at, updated_at) VALUES (gen_random_uuid(), ?::uuid, 'EKTP', ?,"
                + " 'ACCEPTED', now(), now())", applicant, id);
        return id;
    }

    /** How many ApplicationDocumentsDiscarded for the application wait in the outbox or went, with this reason. */
    private static long discarded(String app, String reason) {
        return count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ? AND payload LIKE ?", app,
                DISCARDED, "%\"reason\":\"" + reason + "\"%");
    }

    /** The application reached {@code status} {@code daysAgo} days ago. */
    private static void finished(String app, String status, int daysAgo) {
        RealInfrastructure.database().update("UPDATE application SET status = ?, status_rank = 90, updated_at ="
                + " now() - make_interval(days => ?), finished_at = now() - make_interval(days => ?)"
                + " WHERE id = ?::uuid", status, daysAgo, daysAgo, app);
    }

    /** Nothing about the draft changed for {@code daysAgo} days: the draft, its applicants, documents and timeline. */
    private static void untouched(String app, int daysAgo) {
        var db = RealInfrastructure.database();
        db.update("UPDATE application SET updated_at = now() - make_interval(days => ?), created_at ="
                + " now() - make_interval(days => ?) WHERE id = ?::uuid", daysAgo, daysAgo, app);
        db.update("UPDATE applicant SET created_at = now() - make_interval(days => ?), verification_checked_at ="
                + " now() - make_interval(days => ?) WHERE application_id = ?::uuid", daysAgo, daysAgo, app);
        db.update("UPDATE applicant_document SET uploaded_at = now() - make_interval(days => ?), updated_at ="
                + " now() - make_interval(days => ?) WHERE applicant_id IN (SELECT id FROM applicant"
                + " WHERE application_id = ?::uuid)", daysAgo, daysAgo, app);
        db.update("UPDATE timeline_entry SET recorded_at = now() - make_interval(days => ?)"
                + " WHERE application_id = ?::uuid", daysAgo, app);
    }

    private Retention.Report run() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(retention::run);
    }

    private double counted(String kind) {
        return metrics.task(Retention.TASK).deletedCount(kind);
    }

    private static long documentsOf(String app) {
        return count("SELECT count(*) FROM applicant_document WHERE applicant_id IN (SELECT id FROM applicant"
                + " WHERE application_id = ?::uuid)", app);
    }

    @Test
    void aFinishedApplicationsDocumentsAreDeletedAfterThirtyDaysWhileItsRecordStays() throws Throwable {
        String account = newAccount();
        String old = createApplication(account);
        String oldApplicant = addApplicant(account, old, adult("Made Wirawan"));
        upload(account, old, oldApplicant);
        String young = createApplication(account);
        stored(addApplicant(account, young, adult("Kadek Sari")));
        String open = createApplication(account);
        stored(addApplicant(account, open, adult("Putu Gede")));
        finished(old, "DELIVERED", 31);
        finished(young, "CANCELLED", 29);
        RealInfrastructure.database().update("UPDATE application SET status = 'IN_PROCESS', status_rank = 50,"
                + " updated_at = now() - interval '200 days' WHERE id = ?::uuid", open);
        double before = counted(Retention.FINISHED_DOCUMENTS);

        Retention.Report report = run();

        assertThat(count("SELECT count(*) FROM applicant_document WHERE applicant_id = ?::uuid", oldApplicant)).isZero();
        assertThat(discarded(old, "FINISHED")).as("upload-service told to delete the uploads").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM application WHERE id = ?::uuid AND status = 'DELIVERED'"
                + " AND documents_deleted_at IS NOT NULL", old)).as("the record stays").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM applicant WHERE application_id = ?::uuid", old)).isEqualTo(1);
        assertThat(documentsOf(young)).as("finished 29 days ago").isEqualTo(1);
        assertThat(discarded(young, "FINISHED")).isZero();
        assertThat(documentsOf(open)).as("unfinished").isEqualTo(1);
        assertThat(discarded(open, "FINISHED")).isZero();
        assertThat(report.finishedApplications()).isEqualTo(1);
        assertThat(report.finishedDocuments()).isEqualTo(1);
        assertThat(counted(Retention.FINISHED_DOCUMENTS) - before).isEqualTo(1.0);

        // the owner asking for the document now learns it is gone, not a broken file
        given().auth().oauth2(token(account)).when()
                .get("/applications/{id}/applicants/{a}/documents/{t}", old, oldApplicant, "EKTP")
                .then().statusCode(404);
    }

    @Test
    void aDraftUntouchedForNinetyDaysIsDeletedWithEverythingAndQuotaServiceIsTold() throws Throwable {
        String account = newAccount();
        String stale = createApplication(account);
        String staleApplicant = addApplicant(account, stale, adult("Wayan Sudarma"));
        upload(account, stale, staleApplicant);
        RealInfrastructure.database().update("INSERT INTO queued_mail (id, recipient, kind, subject, body,"
                + " aggregate_id) VALUES (gen_random_uuid(), 'x@mpaspor.test', 'TEST', 'Halo', 'isi', ?)", stale);
        String recent = createApplication(account);
        String recentApplicant = addApplicant(account, recent, adult("Nyoman Sari"));
        stored(recentApplicant);
        untouched(stale, 91);
        // an old draft whose applicant was added yesterday has been touched
        untouched(recent, 200);
        RealInfrastructure.database().update("UPDATE applicant SET created_at = now() - interval '1 day'"
                + " WHERE id = ?::uuid", recentApplicant);
        double draftsBefore = counted(Retention.DRAFTS);
        double applicantsBefore = counted(Retention.DRAFT_APPLICANTS);

        Retention.Report report;
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            report = run();

            CloudEvent event = probe.await(r -> stale.equals(r.key()) && APPLICANTS_CHANGED.equals(r.value().getType())
                    && data(r.value()).get("niks").isEmpty(), Duration.ofSeconds(30)).value();
            assertThat(data(event).get("accountId").asText()).isEqualTo(account);
        }

        assertThat(count("SELECT count(*) FROM application WHERE id = ?::uuid", stale)).isZero();
        assertThat(count("SELECT count(*) FROM applicant WHERE application_id = ?::uuid", stale)).isZero();
        assertThat(count("SELECT count(*) FROM applicant_document WHERE applicant_id = ?::uuid", staleApplicant))
                .isZero();
        assertThat(count("SELECT count(*) FROM timeline_entry WHERE application_id = ?::uuid", stale)).isZero();
        assertThat(count("SELECT count(*) FROM queued_mail WHERE aggregate_id = ?", stale)).isZero();
        assertThat(discarded(stale, "DRAFT_DELETED")).as("upload-service told to delete the draft's uploads")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ?", stale,
                APPLICANTS_CHANGED)).as("ApplicantsChanged events of the draft, the last with no NIKs")
                .isGreaterThanOrEqualTo(2);

        assertThat(count("SELECT count(*) FROM application WHERE id = ?::uuid AND status = 'DRAFT'", recent))
                .isEqualTo(1);
        assertThat(documentsOf(recent)).isEqualTo(1);
        assertThat(discarded(recent, "DRAFT_DELETED")).isZero();
        given().auth().oauth2(token(account)).when().get("/applications/{id}", stale).then().statusCode(404);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", recent).then().statusCode(200);

        assertThat(report.drafts()).isEqualTo(1);
        assertThat(report.draftApplicants()).isEqualTo(1);
        assertThat(report.draftDocuments()).isEqualTo(1);
        assertThat(report.draftMails()).isEqualTo(1);
        assertThat(counted(Retention.DRAFTS) - draftsBefore).isEqualTo(1.0);
        assertThat(counted(Retention.DRAFT_APPLICANTS) - applicantsBefore).isEqualTo(1.0);
    }

    @Test
    void twoInstancesRunningAtOnceDeleteAndCountEachThingOnce() throws Throwable {
        String account = newAccount();
        List<String> drafts = new ArrayList<>();
        List<String> finishedApps = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // more than a batch (3) of each
            String draft = createApplication(account);
            stored(addApplicant(account, draft, adult("Draf " + "ABCD".charAt(i))));
            untouched(draft, 100);
            drafts.add(draft);
            String done = createApplication(account);
            stored(addApplicant(account, done, adult("Selesai " + "ABCD".charAt(i))));
            finished(done, "REJECTED", 45);
            finishedApps.add(done);
        }
        double draftsBefore = counted(Retention.DRAFTS);
        double finishedBefore = counted(Retention.FINISHED_DOCUMENTS);

        List<Retention.Report> runs = AtOnce.twice(() -> VertxContextSupport.subscribeAndAwait(retention::run));

        Retention.Report a = runs.get(0);
        Retention.Report b = runs.get(1);
        assertThat(a.drafts() + b.drafts()).isEqualTo(4);
        assertThat(a.draftApplicants() + b.draftApplicants()).isEqualTo(4);
        assertThat(a.draftDocuments() + b.draftDocuments()).isEqualTo(4);
        assertThat(a.finishedApplications() + b.finishedApplications()).isEqualTo(4);
        assertThat(a.finishedDocuments() + b.finishedDocuments()).isEqualTo(4);
        assertThat(counted(Retention.DRAFTS) - draftsBefore).isEqualTo(4.0);
        assertThat(counted(Retention.FINISHED_DOCUMENTS) - finishedBefore).isEqualTo(4.0);
        for (String draft : drafts) {
            assertThat(count("SELECT count(*) FROM application WHERE id = ?::uuid", draft)).isZero();
            assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ?"
                    + " AND payload LIKE '%\"niks\":[]%'", draft, APPLICANTS_CHANGED)).as("told once").isEqualTo(1);
            assertThat(discarded(draft, "DRAFT_DELETED")).as("upload-service told once").isEqualTo(1);
        }
        for (String done : finishedApps) {
            assertThat(documentsOf(done)).isZero();
            assertThat(discarded(done, "FINISHED")).as("upload-service told once").isEqualTo(1);
            assertThat(count("SELECT count(*) FROM application WHERE id = ?::uuid", done)).isEqualTo(1);
        }

        Retention.Report again = run();
        assertThat(again).as("a second run finds nothing").isEqualTo(new Retention.Report(0, 0, 0, 0, 0, 0));
        assertThat(counted(Retention.DRAFTS) - draftsBefore).isEqualTo(4.0);
    }

    @Test
    void countsAndLastRunsAreExportedForPrometheusFromTheStart() {
        String exported = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(exported)
                .contains("mpaspor_retention_deleted_total{kind=\"finished_documents\",service=\"application-service\"}")
                .contains("mpaspor_retention_deleted_total{kind=\"drafts\",service=\"application-service\"}")
                .contains("mpaspor_retention_deleted_total{kind=\"mail_sent\",service=\"application-service\"}")
                .contains("mpaspor_retention_last_success_timestamp_seconds{service=\"application-service\","
                        + "task=\"application\"}")
                .contains("mpaspor_retention_last_success_timestamp_seconds{service=\"application-service\","
                        + "task=\"mail\"}");
    }

    private static JsonNode data(CloudEvent event) {
        try {
            return JSON.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
