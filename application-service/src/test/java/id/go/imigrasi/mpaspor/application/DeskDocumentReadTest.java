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
import static org.hamcrest.Matchers.equalTo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.application.support.UploadServiceStub;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentAccepted;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentUploaded;
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentScheduled;
import id.go.imigrasi.mpaspor.contracts.biometric.CheckedIn;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * An applicant's documents at the office desk (issue 19): the owner opens them any time; an officer only those of an
 * applicant checked in at the officer's own office today, and each such read is recorded (ApplicantDocumentRead, with
 * the officer) before a byte is served; another office's officer learns nothing, not even that the application
 * exists. The document's bytes come from upload-service (a stand-in checking the grant this service signs for that one
 * upload, {@link UploadServiceStub}); when it does not answer, the reader gets 503 with Retry-After.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = UploadServiceStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeskDocumentReadTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICER = "officer-" + UUID.randomUUID();

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(1000, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2a6f97));
        g.fillRect(0, 0, 1000, 700);
        g.setColor(Color.WHITE);
        g.drawString("KARTU TANDA PENDUDUK", 80, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * upload-service announces the upload and its acceptance (DocumentUploaded, DocumentAccepted) and keeps the
     * bytes; waits until this service recorded the document as accepted.
     */
    private static String upload(String account, String app, String applicant, String type, byte[] bytes) {
        String uploadId = UUID.randomUUID().toString();
        UploadServiceStub.serve(uploadId, "image/png", "ektp.png", bytes);
        publish(new DocumentUploaded(uploadId, app, applicant, account, type, "ektp.png", bytes.length,
                "ab".repeat(32), "uploads/" + uploadId, Instant.now()));
        publish(new DocumentAccepted(uploadId, app, applicant, type, "image/png", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM applicant_document WHERE"
                + " applicant_id = ?::uuid AND document_type = ? AND state = 'ACCEPTED'", applicant, type) == 1);
        return uploadId;
    }

    private static Response read(String token, String app, String applicant, String type) {
        return given().auth().oauth2(token).header("Accept-Language", "en")
                .when().get("/applications/{id}/applicants/{a}/documents/{t}", app, applicant, type);
    }

    private static void checkIn(String app, String applicant, String office, Instant at) {
        publish(new CheckedIn("appt-" + UUID.randomUUID(), app, applicant, office, OFFICER, at),
                UUID.randomUUID().toString(), at);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM timeline_entry WHERE"
                + " application_id = ?::uuid AND kind = 'CHECKED_IN' AND details LIKE ?", app,
                "%" + applicant + "%") == 1);
    }

    @Test
    void anOfficerOpensTheDocumentsOfTodaysCheckedInApplicantAtTheirOfficeOnlyAndEachReadIsRecorded()
            throws Exception {
        String account = newAccount();
        String app = createApplication(account);
        String today = addApplicant(account, app, adult("Ni Luh Putu Ayu"));
        String yesterday = addApplicant(account, app, adult("I Ketut Arsana"));
        byte[] ektp = png();
        upload(account, app, today, "EKTP", ektp);
        upload(account, app, yesterday, "EKTP", png());
        publish(new AppointmentScheduled("appt-1", app, today, "JKTSEL", LocalDate.now().plusDays(1), "MORNING",
                "BK" + System.nanoTime()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM application WHERE id = ?::uuid"
                + " AND office_code = 'JKTSEL'", app) == 1);
        String officer = TestJwt.officer(OFFICER, "JKTSEL");
        String otherOffice = TestJwt.officer("officer-sby", "SBY");

        // the owner, any time, as uploaded, never cached
        Response own = read(token(account), app, today, "EKTP");
        own.then().statusCode(200).contentType("image/png").header("Cache-Control", "no-store");
        assertThat(own.asByteArray()).isEqualTo(ektp);

        // the desk before check-in: refused, with what to do; another office: nothing exists
        read(officer, app, today, "EKTP").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "document-not-at-the-desk"));
        read(otherOffice, app, today, "EKTP").then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "application-not-found"));

        checkIn(app, today, "JKTSEL", Instant.now());
        checkIn(app, yesterday, "JKTSEL", Instant.now().minus(1, ChronoUnit.DAYS));
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            Response atTheDesk = read(officer, app, today, "EKTP");
            atTheDesk.then().statusCode(200).contentType("image/png").header("Cache-Control", "no-store");
            assertThat(atTheDesk.asByteArray()).isEqualTo(ektp);
            var record = probe.await(r -> app.equals(r.key())
                    && r.value().getType().equals("mpaspor.application.ApplicantDocumentRead.v1"),
                    Duration.ofSeconds(30));
            JsonNode read = JSON.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
            assertThat(read.get("officerId").asText()).isEqualTo(OFFICER);
            assertThat(read.get("officeCode").asText()).isEqualTo("JKTSEL");
            assertThat(read.get("applicantId").asText()).isEqualTo(today);
            assertThat(read.get("documentType").asText()).isEqualTo("EKTP");
        }
        // the owner's reads are not the desk's: only the officer's one read is on record
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ?", app,
                "mpaspor.application.ApplicantDocumentRead.v1")).isOne();

        // checked in yesterday is not today; another office still sees nothing
        read(officer, app, yesterday, "EKTP").then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "document-not-at-the-desk"));
        read(otherOffice, app, today, "EKTP").then().statusCode(404);
        // nothing accepted of that type; no such type; an admin runs the system, not the desk
        read(officer, app, today, "KK").then().statusCode(404).body("type", equalTo(PROBLEMS + "document-not-found"));
        read(officer, app, today, "ektp'; --").then().statusCode(400).body("errors[0].field", equalTo("documentType"));
        read(TestJwt.admin("admin-1"), app, today, "EKTP").then().statusCode(403);
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ?", app,
                "mpaspor.application.ApplicantDocumentRead.v1")).as("refusals record nothing").isOne();
        // the owner sees on the timeline which document which office opened (issue 23), and only the desk's read
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then().statusCode(200)
                .body("timeline.findAll { it.kind == 'DOCUMENT_READ' }.size()", equalTo(1))
                .body("timeline.find { it.kind == 'DOCUMENT_READ' }.details.officeCode", equalTo("JKTSEL"))
                .body("timeline.find { it.kind == 'DOCUMENT_READ' }.details.documentType", equalTo("EKTP"))
                .body("timeline.find { it.kind == 'DOCUMENT_READ' }.details.applicantId", equalTo(today));
    }

    @Test
    void whenUploadServiceDoesNotAnswerTheReaderIsToldToRetryAndNothingElseHappens() throws Exception {
        String account = newAccount();
        String app = createApplication(account);
        String applicant = addApplicant(account, app, adult("Komang Wulandari"));
        upload(account, app, applicant, "EKTP", png());
        int refusedBefore = UploadServiceStub.refused();
        read(token(account), app, applicant, "EKTP").then().statusCode(200);
        assertThat(UploadServiceStub.refused()).as("the grant this service signed was accepted")
                .isEqualTo(refusedBefore);

        UploadServiceStub.failing(true);
        try {
            read(token(account), app, applicant, "EKTP").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo(PROBLEMS + "document-store-unavailable"));
        } finally {
            UploadServiceStub.failing(false);
        }
        read(token(account), app, applicant, "EKTP").then().statusCode(200);
    }

    /**
     * Reproduced: a document whose stored bytes fail their authentication was answered 503 "try again", and a dozen
     * reads of it opened the circuit to upload-service, so every other document answered 503 for 10 s.
     */
    @Test
    void aDocumentThatFailsItsIntegrityCheckIsSaidSoOnceAndForAllAndOtherDocumentsStillOpen() throws Exception {
        String account = newAccount();
        String app = createApplication(account);
        String applicant = addApplicant(account, app, adult("Made Suartini"));
        String broken = upload(account, app, applicant, "EKTP", png());
        upload(account, app, applicant, "KK", png());
        UploadServiceStub.tampered(broken);

        for (int i = 0; i < 12; i++) {
            Response r = read(token(account), app, applicant, "EKTP");
            r.then().statusCode(410).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "document-unreadable"))
                    .body("title", equalTo("Document cannot be opened"));
            assertThat(r.header("Retry-After")).as("asking again will not help").isNull();
        }
        read(token(account), app, applicant, "KK").then().statusCode(200).contentType("image/png");
    }
}
