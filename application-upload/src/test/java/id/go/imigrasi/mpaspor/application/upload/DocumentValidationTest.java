package id.go.imigrasi.mpaspor.application.upload;

import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.idOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.upload.support.ImageBombs;
import id.go.imigrasi.mpaspor.application.upload.support.Uploads;
import id.go.imigrasi.mpaspor.application.upload.support.Uploads.Applicant;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A complete upload is validated asynchronously from its DocumentUploaded: type by content (not by name), image
 * dimensions, PDF pages, corrupt files - and the verdict is published on upload.events with a reason in
 * Bahasa Indonesia and English.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
class DocumentValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPTED = "mpaspor.upload.DocumentAccepted.v1";
    private static final String REJECTED = "mpaspor.upload.DocumentRejected.v1";

    @Test
    void wellFormedImagesAndPdfsAreAcceptedWithTheTypeFoundInTheirBytes() throws Exception {
        Applicant me = Applicant.withDraft();
        String png = upload(me, "EKTP", image(800, 600, "png"));
        String jpeg = upload(me, "KK", image(500, 1000, "jpg"));
        String pdf = upload(me, "BIRTH_CERTIFICATE", pdf(2));

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(Uploads.kafka(), "upload.events")) {
            assertThat(verdict(probe, png, ACCEPTED).get("contentType").asText()).isEqualTo("image/png");
            assertThat(verdict(probe, jpeg, ACCEPTED).get("contentType").asText()).isEqualTo("image/jpeg");
            JsonNode accepted = verdict(probe, pdf, ACCEPTED);
            assertThat(accepted.get("contentType").asText()).isEqualTo("application/pdf");
            assertThat(accepted.get("documentType").asText()).isEqualTo("BIRTH_CERTIFICATE");
            assertThat(accepted.get("applicantId").asText()).isEqualTo(me.applicant().toString());
        }
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM upload WHERE account_id = ?::uuid"
                + " AND validation = 'ACCEPTED'", me.account().toString())).isEqualTo(3);
    }

    @Test
    void aWrongTypeACorruptFileASmallImageAndALongPdfAreRejectedWithAReasonInBothLanguages() throws Exception {
        Applicant me = Applicant.withDraft();
        String text = upload(me, "DIPLOMA", "Ijazah SMA, bukan PDF sungguhan".getBytes(StandardCharsets.UTF_8));
        byte[] goodPng = image(800, 600, "png");
        String corrupt = upload(me, "EKTP", Arrays.copyOf(goodPng, goodPng.length / 2));
        String small = upload(me, "KK", image(300, 200, "jpg"));
        byte[] goodJpeg = noisyJpeg(1200, 900);
        String truncatedJpeg = upload(me, "FATHER_EKTP", Arrays.copyOf(goodJpeg, goodJpeg.length * 2 / 3));
        String longPdf = upload(me, "MARRIAGE_BOOK", pdf(25));
        String brokenPdf = upload(me, "OLD_PASSPORT", "%PDF-1.7\nthis is not a pdf at all".getBytes(StandardCharsets.UTF_8));

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(Uploads.kafka(), "upload.events")) {
            JsonNode wrongType = verdict(probe, text, REJECTED);
            assertThat(wrongType.get("reasonCode").asText()).isEqualTo("wrong-type");
            assertThat(wrongType.get("reasonId").asText()).contains("JPEG/PNG").contains("PDF").contains("Jenis berkas");
            assertThat(wrongType.get("reasonEn").asText()).contains("File type not accepted");

            JsonNode damaged = verdict(probe, corrupt, REJECTED);
            assertThat(damaged.get("reasonCode").asText()).isEqualTo("corrupt");
            assertThat(damaged.get("reasonEn").asText()).contains("damaged");

            JsonNode tooSmall = verdict(probe, small, REJECTED);
            assertThat(tooSmall.get("reasonCode").asText()).isEqualTo("too-small-image");
            assertThat(tooSmall.get("reasonId").asText()).contains("300 x 200 piksel").contains("600 x 400");
            assertThat(tooSmall.get("reasonEn").asText()).contains("300 x 200 pixels");

            JsonNode tooLong = verdict(probe, longPdf, REJECTED);
            assertThat(tooLong.get("reasonCode").asText()).isEqualTo("too-many-pages");
            assertThat(tooLong.get("reasonEn").asText()).contains("25").contains("20");

            assertThat(verdict(probe, brokenPdf, REJECTED).get("reasonCode").asText()).isEqualTo("corrupt");
            assertThat(verdict(probe, truncatedJpeg, REJECTED).get("reasonCode").asText()).isEqualTo("corrupt");
        }
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM upload WHERE account_id = ?::uuid"
                + " AND validation = 'REJECTED' AND rejection_reason IS NOT NULL", me.account().toString()))
                .isEqualTo(6);
    }

    @Test
    void aDecompressionBombIsRejectedAsTooLargeAndNotAccepted() throws Exception {
        // 45,000 x 45,000 pixels in ~250 KB: before issue 25 it cost seconds of CPU and was ACCEPTED
        Applicant me = Applicant.withDraft();
        String bomb = upload(me, "EKTP", ImageBombs.png(45_000, 45_000));
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(Uploads.kafka(), "upload.events")) {
            JsonNode rejected = verdict(probe, bomb, REJECTED);
            assertThat(rejected.get("reasonCode").asText()).isEqualTo("too-large-image");
            assertThat(rejected.get("reasonId").asText()).contains("45000 x 45000 piksel").contains("10000");
            assertThat(rejected.get("reasonEn").asText()).contains("45000 x 45000 pixels").contains("40 megapixels");
        }
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM upload WHERE account_id = ?::uuid"
                + " AND validation = 'REJECTED' AND rejection_reason = 'too-large-image'", me.account().toString()))
                .isOne();
    }

    private static String upload(Applicant me, String documentType, byte[] bytes) {
        String location = me.create(bytes.length, documentType);
        me.patch(location, 0, bytes).then().statusCode(204);
        return location;
    }

    private static JsonNode verdict(TopicProbe<CloudEvent> probe, String location, String type) throws Exception {
        ConsumerRecord<String, CloudEvent> record = probe.await(r -> idOf(location).equals(r.key())
                && (r.value().getType().equals(ACCEPTED) || r.value().getType().equals(REJECTED)),
                Duration.ofSeconds(30));
        JsonNode data = JSON.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
        assertThat(record.value().getType()).as(data.toString()).isEqualTo(type);
        assertThat(data.get("uploadId").asText()).isEqualTo(idOf(location));
        return data;
    }

    private static byte[] image(int width, int height, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.drawString("M-Paspor", 20, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A photo-like JPEG (noise does not compress away), so that a cut leaves most rows missing. */
    private static byte[] noisyJpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static byte[] pdf(int pages) throws Exception {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
