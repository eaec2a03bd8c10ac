package id.go.imigrasi.mpaspor.application.upload;

import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.idOf;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.storedFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.upload.support.AtRest;
import id.go.imigrasi.mpaspor.application.upload.support.Uploads;
import id.go.imigrasi.mpaspor.application.upload.support.Uploads.Applicant;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Encryption at rest through the service (issue 23): a document uploaded over tus is stored encrypted, validated
 * and read for the desk as its plaintext, and once a stored byte is changed it is not served
 * ({@code upload-document-unreadable}), not even in part.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
class EncryptionAtRestTest {

    @Inject
    UploadContents contents;

    @Test
    void anAcceptedDocumentIsStoredEncryptedReadAsItsPlaintextAndRefusedOnceAStoredByteChanged() throws Throwable {
        Applicant me = Applicant.withDraft();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB), "png", png);
        byte[] file = png.toByteArray();
        String location = me.create(file.length, "EKTP");
        me.patch(location, 0, file).then().statusCode(204);
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(Uploads.kafka(), "upload.events")) {
            probe.await(r -> idOf(location).equals(r.key())
                    && r.value().getType().equals("mpaspor.upload.DocumentAccepted.v1"), Duration.ofSeconds(30));
        }
        UUID id = UUID.fromString(idOf(location));
        Path stored = storedFile(location);
        byte[] raw = Files.readAllBytes(stored);
        AtRest.assertHoldsNoPlaintext(raw, file);

        assertThat(read(id).bytes()).isEqualTo(file);

        raw[raw.length - 40] ^= 0x01;
        Files.write(stored, raw);
        assertThatThrownBy(() -> read(id)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(UploadProblem.DOCUMENT_UNREADABLE));
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM upload WHERE id = ?::uuid"
                + " AND validation = 'ACCEPTED'", id.toString())).isEqualTo(1);
    }

    private UploadContents.Content read(UUID id) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> contents.accepted(id)));
    }
}
