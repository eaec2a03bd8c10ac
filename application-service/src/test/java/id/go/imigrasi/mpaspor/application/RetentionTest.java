package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.kafka;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.service.Retention;
import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
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
import io.restassured.response.Response;

/**
 * The retention rules (issue 23) on a real PostgreSQL, Kafka and upload store (encrypted filesystem store): the
 * documents of an application finished more than 30 days ago are deleted, rows and bytes, while the record stays;
 * a younger finished application and an unfinished one keep theirs; a draft untouched for 90 days goes with
 * everything hanging off it and quota-service is told (ApplicantsChanged with no NIKs), a recently touched one
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

    @Inject
    Retention retention;

    @Inject
    RetentionMetrics metrics;

    @Inject
    UploadStore store;

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(1000, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2a6f97));
        g.fillRect(0, 0, 1000, 700);
        g.setColor(Color.WHITE);
        g.drawString("KARTU TANDA PENDUDUK " + UUID.randomUUID(), 80, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads an e-KTP over tus as the website does and waits until the validation accepted it; its storage key. */
    private static String upload(String account, String app, String applicant) throws IOException {
        byte[] bytes = png();
        Response created = given().auth().oauth2(token(account)).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", bytes.length)
                .header("Upload-Metadata", "applicationId " + b64(app) + ",applicantId " + b64(applicant)
                        + ",documentType " + b64("EKTP") + ",filename " + b64("ektp.png"))
                .post("/uploads");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String location = created.header("Location");
        String path = location.substring(location.indexOf("/uploads/"));
        given().auth().oauth2(token(account)).header("Tus-Resumable", "1.0.0").header("Upload-Offset", 0)
                .contentType("application/offset+octet-stream").body(bytes).patch(path).then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM applicant_document WHERE"
                + " applicant_id = ?::uuid AND document_type = 'EKTP' AND state = 'ACCEPTED'", applicant) == 1);
        return RealInfrastructure.database().rows("SELECT storage_key FROM upload WHERE applicant_id = ?::uuid",
                applicant).get(0).get("storage_key").toString();
    }

    /** A document written straight into the real store with its rows, as an accepted upload leaves them. */
    private String stored(String account, String app, String applicant) throws IOException, UploadStore.Interrupted {
        byte[] bytes = png();
        String id = UUID.randomUUID().toString();
        store.create(id);
        store.append(id, 0, new ByteArrayInputStream(bytes), bytes.length, null);
        RealInfrastructure.database().update("INSERT INTO upload (id, account_id, application_id, applicant_id,"
                + " document_type, file_name, upload_length, upload_offset, metadata, storage_key, status, created_at,"
                + " expires_at, completed_at, validation, content_type, validated_at) VALUES (?::uuid, ?::uuid,"
                + " ?::uuid, ?::uuid, 'EKTP', 'ektp.png', ?, ?, '', ?, 'COMPLETE', now(), now() + interval '1 day',"
                + " now(), 'ACCEPTED', 'image/png', now())", id, account, app, applicant, bytes.length, bytes.length, id);
        RealInfrastructure.database().update("INSERT INTO applicant_document (id, applicant_id, document_type,"
                + " upload_id, state, uploaded_at, updated_at) VALUES (gen_random_uuid(), ?::uuid, 'EKTP', ?,"
                + " 'ACCEPTED', now(), now())", applicant, id);
        return id;
    }

    private boolean inStore(String key) {
        try (InputStream in = store.open(key)) {
            return in.read() >= 0;
        } catch (IOException gone) {
            return false;
        }
    }

    /** The application reached {@code status} {@code daysAgo} days ago. */
    private static void finished(String app, String status, int daysAgo) {
        RealInfrastructure.database().update("UPDATE application SET status = ?, status_rank = 90, updated_at ="
                + " now() - make_interval(days => ?), finished_at = now() - make_interval(days => ?)"
                + " WHERE id = ?::uuid", status, daysAgo, daysAgo, app);
    }

    /** Nothing about the draft changed for {@code daysAgo} days: the draft, its applicants, uploads and timeline. */
    private static void untouched(String app, int daysAgo) {
        var db = RealInfrastructure.database();
        db.update("UPDATE application SET updated_at = now() - make_interval(days => ?), created_at ="
                + " now() - make_interval(days => ?) WHERE id = ?::uuid", daysAgo, daysAgo, app);
        db.update("UPDATE applicant SET created_at = now() - make_interval(days => ?), verification_checked_at ="
                + " now() - make_interval(days => ?) WHERE application_id = ?::uuid", daysAgo, daysAgo, app);
        db.update("UPDATE upload SET created_at = now() - make_interval(days => ?), completed_at ="
                + " now() - make_interval(days => ?), validated_at = now() - make_interval(days => ?)"
                + " WHERE application_id = ?::uuid", daysAgo, daysAgo, daysAgo, app);
        db.update("UPDATE timeline_entry SET recorded_at = now() - make_interval(days => ?)"
                + " WHERE application_id = ?::uuid", daysAgo, app);
    }

    private Retention.Report run() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(retention::run);
    }

    private double counted(String kind) {
        return metrics.task(Retention.TASK).deletedCount(kind);
    }

    private static long uploadsOf(String app) {
        return count("SELECT count(*) FROM upload WHERE application_id = ?::uuid", app);
    }

    @Test
    void aFinishedApplicationsDocumentsAreDeletedAfterThirtyDaysWhileItsRecordStays() throws Throwable {
        String account = newAccount();
        String old = createApplication(account);
        String oldApplicant = addApplicant(account, old, adult("Made Wirawan"));
        String oldKey = upload(account, old, oldApplicant);
        String young = createApplication(account);
        String youngKey = stored(account, young, addApplicant(account, young, adult("Kadek Sari")));
        String open = createApplication(account);
        String openKey = stored(account, open, addApplicant(account, open, adult("Putu Gede")));
        finished(old, "DELIVERED", 31);
        finished(young, "CANCELLED", 29);
        RealInfrastructure.database().update("UPDATE application SET status = 'IN_PROCESS', status_rank = 50,"
                + " updated_at = now() - interval '200 days' WHERE id = ?::uuid", open);
        assertThat(inStore(oldKey)).as("the uploaded document is in the store").isTrue();
        double before = counted(Retention.FINISHED_DOCUMENTS);

        Retention.Report report = run();

        assertThat(uploadsOf(old)).as("upload rows of the old finished application").isZero();
        assertThat(count("SELECT count(*) FROM applicant_document WHERE applicant_id = ?::uuid", oldApplicant)).isZero();
        assertThat(inStore(oldKey)).as("its bytes").isFalse();
        assertThat(count("SELECT count(*) FROM upload_object_deletion WHERE storage_key = ?", oldKey)).isZero();
        assertThat(count("SELECT count(*) FROM application WHERE id = ?::uuid AND status = 'DELIVERED'"
                + " AND documents_deleted_at IS NOT NULL", old)).as("the record stays").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM applicant WHERE application_id = ?::uuid", old)).isEqualTo(1);
        assertThat(uploadsOf(young)).as("finished 29 days ago").isEqualTo(1);
        assertThat(inStore(youngKey)).isTrue();
        assertThat(uploadsOf(open)).as("unfinished").isEqualTo(1);
        assertThat(inStore(openKey)).isTrue();
        assertThat(report.finishedApplications()).isEqualTo(1);
        assertThat(report.finishedDocuments()).isEqualTo(1);
        assertThat(report.storedObjects()).isEqualTo(1);
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
        String staleKey = upload(account, stale, staleApplicant);
        RealInfrastructure.database().update("INSERT INTO queued_mail (id, recipient, kind, subject, body,"
                + " aggregate_id) VALUES (gen_random_uuid(), 'x@mpaspor.test', 'TEST', 'Halo', 'isi', ?)", stale);
        String recent = createApplication(account);
        String recentApplicant = addApplicant(account, recent, adult("Nyoman Sari"));
        String recentKey = stored(account, recent, recentApplicant);
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
        assertThat(uploadsOf(stale)).isZero();
        assertThat(inStore(staleKey)).as("the draft's document bytes").isFalse();
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ?", stale,
                APPLICANTS_CHANGED)).as("ApplicantsChanged events of the draft, the last with no NIKs")
                .isGreaterThanOrEqualTo(2);

        assertThat(count("SELECT count(*) FROM application WHERE id = ?::uuid AND status = 'DRAFT'", recent))
                .isEqualTo(1);
        assertThat(uploadsOf(recent)).isEqualTo(1);
        assertThat(inStore(recentKey)).isTrue();
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
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // more than a batch (3) of each
            String draft = createApplication(account);
            keys.add(stored(account, draft, addApplicant(account, draft, adult("Draf " + "ABCD".charAt(i)))));
            untouched(draft, 100);
            drafts.add(draft);
            String done = createApplication(account);
            keys.add(stored(account, done, addApplicant(account, done, adult("Selesai " + "ABCD".charAt(i)))));
            finished(done, "REJECTED", 45);
            finishedApps.add(done);
        }
        double draftsBefore = counted(Retention.DRAFTS);
        double finishedBefore = counted(Retention.FINISHED_DOCUMENTS);
        double objectsBefore = counted(Retention.STORED_OBJECTS);

        List<Retention.Report> runs = AtOnce.twice(() -> VertxContextSupport.subscribeAndAwait(retention::run));

        Retention.Report a = runs.get(0);
        Retention.Report b = runs.get(1);
        assertThat(a.drafts() + b.drafts()).isEqualTo(4);
        assertThat(a.draftApplicants() + b.draftApplicants()).isEqualTo(4);
        assertThat(a.draftDocuments() + b.draftDocuments()).isEqualTo(4);
        assertThat(a.finishedApplications() + b.finishedApplications()).isEqualTo(4);
        assertThat(a.finishedDocuments() + b.finishedDocuments()).isEqualTo(4);
        assertThat(a.storedObjects() + b.storedObjects()).isEqualTo(8);
        assertThat(counted(Retention.DRAFTS) - draftsBefore).isEqualTo(4.0);
        assertThat(counted(Retention.FINISHED_DOCUMENTS) - finishedBefore).isEqualTo(4.0);
        assertThat(counted(Retention.STORED_OBJECTS) - objectsBefore).isEqualTo(8.0);
        assertThat(keys).noneMatch(this::inStore);
        for (String draft : drafts) {
            assertThat(count("SELECT count(*) FROM application WHERE id = ?::uuid", draft)).isZero();
            assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ?"
                    + " AND payload LIKE '%\"niks\":[]%'", draft, APPLICANTS_CHANGED)).as("told once").isEqualTo(1);
        }
        for (String done : finishedApps) {
            assertThat(uploadsOf(done)).isZero();
            assertThat(count("SELECT count(*) FROM application WHERE id = ?::uuid", done)).isEqualTo(1);
        }

        Retention.Report again = run();
        assertThat(again).as("a second run finds nothing").isEqualTo(new Retention.Report(0, 0, 0, 0, 0, 0, 0));
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
