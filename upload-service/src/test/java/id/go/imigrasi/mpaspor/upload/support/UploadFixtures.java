package id.go.imigrasi.mpaspor.upload.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.eclipse.microprofile.config.ConfigProvider;

import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.contracts.application.ApplicantsChanged;
import id.go.imigrasi.mpaspor.testkit.Events;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** An applicant as application-service announces them, and their uploads over tus, for upload-service's tests. */
public final class UploadFixtures {

    private UploadFixtures() {
    }

    /** An account with a draft application of one applicant, as upload-service learns it from ApplicantsChanged. */
    public record Draft(String account, String application, String applicant) {

        /** Announces the draft (ApplicantsChanged) and waits until the projection has it. */
        public static Draft announced() {
            Draft draft = unannounced();
            draft.announce(true);
            return draft;
        }

        /** A draft application-service has not announced yet. */
        public static Draft unannounced() {
            return new Draft(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        }

        /** ApplicantsChanged with this applicant, still a draft or not; waits until the projection applied it. */
        public void announce(boolean isDraft) {
            publish(new ApplicantsChanged(application, account, List.of("3171010101900001"), Instant.now(),
                    List.of(applicant), isDraft));
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM upload_target_application"
                    + " WHERE application_id = ?::uuid AND draft = ?", application, isDraft) == 1);
        }

        public String token() {
            return TestJwt.applicant(account);
        }

        public RequestSpecification tus() {
            return given().auth().oauth2(token()).header("Tus-Resumable", "1.0.0");
        }

        /** POST /uploads for this applicant, as a tus client sends it. */
        public Response create(int length, String documentType) {
            return tus().header("Upload-Length", length)
                    .header("Upload-Metadata", "applicationId " + b64(application) + ",applicantId " + b64(applicant)
                            + ",documentType " + b64(documentType) + ",filename " + b64("ektp.png"))
                    .post("/uploads");
        }

        /** Uploads the whole file in one PATCH; its upload id. */
        public String upload(byte[] bytes, String documentType) {
            Response created = create(bytes.length, documentType);
            if (created.statusCode() != 201) {
                throw new AssertionError("creation: " + created.statusCode() + " " + created.asString());
            }
            String location = created.header("Location");
            String path = location.substring(location.indexOf("/uploads/"));
            tus().header("Upload-Offset", 0).contentType("application/offset+octet-stream").body(bytes).patch(path)
                    .then().statusCode(204);
            return path.substring("/uploads/".length());
        }

        /** Uploads an e-KTP scan and waits until the validation accepted it; its upload id. */
        public String accepted() {
            String id = upload(png(), "EKTP");
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM upload"
                    + " WHERE id = ?::uuid AND validation = 'ACCEPTED'", id) == 1);
            return id;
        }
    }

    public static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A scan-sized PNG the validation accepts. */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(1000, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2a6f97));
        g.fillRect(0, 0, 1000, 700);
        g.setColor(Color.WHITE);
        g.drawString("KARTU TANDA PENDUDUK " + UUID.randomUUID(), 80, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static String kafka() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static String publish(IntegrationEvent event) {
        return Events.publish(kafka(), event);
    }

    public static String publish(IntegrationEvent event, String eventId) {
        return Events.publish(kafka(), event, eventId, Instant.now());
    }

    /** A count over committed rows, read as another process would. */
    public static long count(String sql, Object... args) {
        return RealInfrastructure.database().count(sql, args);
    }
}
