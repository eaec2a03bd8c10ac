package id.go.imigrasi.mpaspor.application.upload;

import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.digestBase64;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.idOf;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.sha256Hex;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.slice;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;
import id.go.imigrasi.mpaspor.application.upload.service.DocumentDeletions;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStoreProducer;
import id.go.imigrasi.mpaspor.application.upload.support.AtRest;
import id.go.imigrasi.mpaspor.application.upload.support.S3Server;
import id.go.imigrasi.mpaspor.application.upload.support.Uploads;
import id.go.imigrasi.mpaspor.application.upload.support.Uploads.Applicant;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The same tus endpoint with the S3-compatible store (S3Proxy): chunks land in the bucket (encrypted), a checksum
 * mismatch leaves nothing behind, the completed file is validated from the bucket, termination empties it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = S3Server.class, scope = TestResourceScope.MATCHING_RESOURCES)
class S3StoreUploadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private S3Client s3;

    @Inject
    DocumentDeletions deletions;

    @BeforeEach
    void connect() {
        s3 = UploadStoreProducer.s3Client(new UploadConfig.S3() {
            @Override
            public Optional<java.net.URI> endpoint() {
                return Optional.of(S3Server.endpoint());
            }

            @Override
            public String region() {
                return "us-east-1";
            }

            @Override
            public String bucket() {
                return S3Server.BUCKET;
            }

            @Override
            public boolean pathStyle() {
                return true;
            }

            @Override
            public Optional<String> accessKey() {
                return Optional.of(S3Server.ACCESS_KEY);
            }

            @Override
            public Optional<String> secretKey() {
                return Optional.of(S3Server.SECRET_KEY);
            }
        });
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void aTusUploadLandsInTheBucketChunkByChunkAndIsValidatedFromThere() throws Exception {
        Applicant me = Applicant.withDraft();
        BufferedImage photo = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(photo, "png", png);
        byte[] file = png.toByteArray();
        int half = file.length / 2;
        String location = me.create(file.length, "EKTP");

        me.patch(location, 0, slice(file, 0, half)).then().statusCode(204);
        byte[] damaged = slice(file, half, file.length);
        damaged[0] ^= 0x01;
        me.tus().contentType(Uploads.OCTETS).header("Upload-Offset", half)
                .header("Upload-Checksum", "sha1 " + digestBase64("SHA-1", slice(file, half, file.length)))
                .body(damaged).patch(location).then().statusCode(460);
        assertThat(me.offset(location)).isEqualTo(half);
        assertThat(objects(location)).isEqualTo(1);

        me.tus().contentType(Uploads.OCTETS).header("Upload-Offset", half)
                .header("Upload-Checksum", "sha1 " + digestBase64("SHA-1", slice(file, half, file.length)))
                .body(slice(file, half, file.length)).patch(location).then().statusCode(204)
                .header("Upload-Offset", String.valueOf(file.length));

        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        s3.listObjectsV2Paginator(b -> b.bucket(S3Server.BUCKET).prefix(idOf(location) + "/")).contents()
                .forEach(part -> {
                    ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(
                            b -> b.bucket(S3Server.BUCKET).key(part.key()));
                    stored.writeBytes(bytes.asByteArray());
                });
        AtRest.assertHoldsNoPlaintext(stored.toByteArray(), file);
        assertThat(Uploads.storedContent(location)).isEqualTo(file);
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM upload WHERE id = ?::uuid"
                + " AND status = 'COMPLETE' AND sha256 = ?", idOf(location), sha256Hex(file))).isEqualTo(1);

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(Uploads.kafka(), "upload.events")) {
            var record = probe.await(r -> idOf(location).equals(r.key())
                    && r.value().getType().equals("mpaspor.upload.DocumentAccepted.v1"), Duration.ofSeconds(30));
            JsonNode data = JSON.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
            assertThat(data.get("contentType").asText()).isEqualTo("image/png");
        }
    }

    @Test
    void terminationRemovesEveryPartFromTheBucket() {
        Applicant me = Applicant.withDraft();
        String location = me.create(100, "KK");
        me.patch(location, 0, new byte[30]).then().statusCode(204);
        me.patch(location, 30, new byte[30]).then().statusCode(204);
        assertThat(objects(location)).isEqualTo(2);

        me.tus().delete(location).then().statusCode(204);

        assertThat(objects(location)).isZero();
        me.tus().head(location).then().statusCode(404);
    }

    /**
     * Retention (DocumentDeletions): the row goes in the caller's transaction while the parts stay until it
     * committed; a run that crashed after claiming the key (lease still running) leaves it to its owner, and once the
     * lease ran out the next run deletes every part and empties the queue.
     */
    @Test
    void retentionDeletesTheRowThenEveryPartAndARetryFinishesACrashedRun() throws Throwable {
        Applicant me = Applicant.withDraft();
        String location = me.create(100, "KK");
        me.patch(location, 0, new byte[30]).then().statusCode(204);
        me.patch(location, 30, new byte[30]).then().statusCode(204);
        var db = RealInfrastructure.database();

        int deleted = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> deletions.deleteOfApplications(List.of(me.application()))));

        assertThat(deleted).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM upload WHERE id = ?::uuid", idOf(location))).isZero();
        assertThat(db.count("SELECT count(*) FROM upload_object_deletion WHERE upload_id = ?::uuid", idOf(location)))
                .isEqualTo(1);
        assertThat(objects(location)).as("bytes stay until the queue is worked").isEqualTo(2);
        me.tus().head(location).then().statusCode(404);

        // a run claimed it and crashed: its lease still runs, nobody else takes it
        db.update("UPDATE upload_object_deletion SET lease_until = now() + interval '5 minutes'"
                + " WHERE upload_id = ?::uuid", idOf(location));
        assertThat(VertxContextSupport.subscribeAndAwait(deletions::deleteQueuedObjects)).isZero();
        assertThat(objects(location)).isEqualTo(2);

        // the lease ran out: the next run finishes the job
        db.update("UPDATE upload_object_deletion SET lease_until = now() - interval '1 second'"
                + " WHERE upload_id = ?::uuid", idOf(location));
        assertThat(VertxContextSupport.subscribeAndAwait(deletions::deleteQueuedObjects)).isEqualTo(1);
        assertThat(objects(location)).isZero();
        assertThat(db.count("SELECT count(*) FROM upload_object_deletion WHERE upload_id = ?::uuid", idOf(location)))
                .isZero();
    }

    private long objects(String location) {
        return s3.listObjectsV2Paginator(b -> b.bucket(S3Server.BUCKET).prefix(idOf(location) + "/")).contents()
                .stream().count();
    }
}
