package id.go.imigrasi.mpaspor.application.upload;

import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.digestBase64;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.idOf;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.randomBytes;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.sha256Hex;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.slice;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.storedContent;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.storedFile;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.storedSize;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.upload.UploadTargets.Target;
import id.go.imigrasi.mpaspor.application.upload.service.ExpiredUploadCleanup;
import id.go.imigrasi.mpaspor.application.upload.support.AtRest;
import id.go.imigrasi.mpaspor.application.upload.support.TestUploadTargets;
import id.go.imigrasi.mpaspor.application.upload.support.Uploads;
import id.go.imigrasi.mpaspor.application.upload.support.Uploads.Applicant;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** The tus 1.0.0 core and the creation, expiration, checksum and termination extensions, over real HTTP. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
class TusProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ExpiredUploadCleanup cleanup;

    @Test
    void optionsAdvertisesVersionExtensionsMaxSizeAndChecksumAlgorithmsWithoutAuthentication() {
        given().options("/uploads").then().statusCode(204)
                .header("Tus-Resumable", "1.0.0")
                .header("Tus-Version", "1.0.0")
                .header("Tus-Extension", "creation,expiration,checksum,termination")
                .header("Tus-Max-Size", "20971520")
                .header("Tus-Checksum-Algorithm", "sha1,sha256");
    }

    @Test
    void creationAnswers201WithLocationAndExpiryAndHeadReportsOffsetLengthAndMetadata() {
        Applicant me = Applicant.withDraft();
        String metadata = me.metadata("EKTP", "ktp budi.jpg");
        var created = me.tus().header("Upload-Length", 1000).header("Upload-Metadata", metadata).post("/uploads");
        created.then().statusCode(201).header("Tus-Resumable", "1.0.0")
                .header("Location", matchesPattern("/uploads/[0-9a-f-]{36}"))
                .header("Upload-Expires", notNullValue());
        ZonedDateTime expires = ZonedDateTime.parse(created.header("Upload-Expires"),
                DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(expires).isAfter(ZonedDateTime.now().plusHours(23));

        me.tus().head(created.header("Location")).then().statusCode(200)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", "0")
                .header("Upload-Length", "1000")
                .header("Upload-Metadata", metadata)
                .header("Cache-Control", "no-store");
        assertThat(RealInfrastructure.database().count(
                "SELECT count(*) FROM upload WHERE id = ?::uuid AND account_id = ?::uuid AND document_type = 'EKTP'"
                        + " AND file_name = 'ktp budi.jpg' AND status = 'RECEIVING'",
                idOf(created.header("Location")), me.account().toString())).isEqualTo(1);
    }

    @Test
    void locationBehindTheGatewayIsTheConfiguredPublicUrlWhateverHostTheClientSent() {
        // the gateway copies the client's Host into X-Forwarded-Host: a forged one must not send the client's
        // document bytes (and its token) to another host
        Applicant me = Applicant.withDraft();
        String location = me.tus().header("Upload-Length", 10).header("Upload-Metadata", me.metadata("KK", "kk.pdf"))
                .header("X-Forwarded-Prefix", "/api/v1").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header("Host", "evil.example")
                .post("/uploads").then().statusCode(201).extract().header("Location");
        assertThat(location).matches("http://127\\.0\\.0\\.1:8080/api/v1/uploads/[0-9a-f-]{36}");

        // nor a forged prefix (it could turn the path into another host: "/\\evil.example")
        String direct = me.tus().header("Upload-Length", 10).header("Upload-Metadata", me.metadata("KK", "kk.pdf"))
                .header("X-Forwarded-Prefix", "/\\evil.example").header("X-Forwarded-Host", "evil.example")
                .post("/uploads").then().statusCode(201).extract().header("Location");
        assertThat(direct).startsWith("http://127.0.0.1:8080/api/v1/uploads/").doesNotContain("evil");

        // called directly (no gateway): the absolute path, which the client resolves against the URL it used
        me.tus().header("Upload-Length", 10).header("Upload-Metadata", me.metadata("KK", "kk.pdf"))
                .header("Host", "evil.example").post("/uploads").then().statusCode(201)
                .header("Location", matchesPattern("/uploads/[0-9a-f-]{36}"));
    }

    @Test
    void chunksAtTheCurrentOffsetCompleteTheUploadAndPublishDocumentUploadedOnce() throws Exception {
        Applicant me = Applicant.withDraft();
        byte[] file = randomBytes(300_000, 1);
        String location = me.create(file.length, "BIRTH_CERTIFICATE");

        me.patch(location, 0, slice(file, 0, 100_000)).then().statusCode(204)
                .header("Upload-Offset", "100000").header("Tus-Resumable", "1.0.0")
                .header("Upload-Expires", notNullValue());
        assertThat(me.offset(location)).isEqualTo(100_000);
        assertThat(me.storedSha256(location)).isNull();
        me.patch(location, 100_000, slice(file, 100_000, 300_000)).then().statusCode(204)
                .header("Upload-Offset", "300000").header("Upload-Expires", nullValue());

        assertThat(storedContent(location)).isEqualTo(file);
        AtRest.assertHoldsNoPlaintext(Files.readAllBytes(storedFile(location)), file);
        assertThat(me.storedSha256(location)).as("what the owner can compare with the file sent")
                .isEqualTo(sha256Hex(file));
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM upload WHERE id = ?::uuid"
                + " AND status = 'COMPLETE' AND upload_offset = 300000 AND sha256 = ?", idOf(location),
                sha256Hex(file))).isEqualTo(1);
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(Uploads.kafka(), "upload.events")) {
            var record = probe.await(r -> idOf(location).equals(r.key())
                    && r.value().getType().equals("mpaspor.upload.DocumentUploaded.v1"), Duration.ofSeconds(30));
            JsonNode data = JSON.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
            assertThat(data.get("applicationId").asText()).isEqualTo(me.application().toString());
            assertThat(data.get("applicantId").asText()).isEqualTo(me.applicant().toString());
            assertThat(data.get("accountId").asText()).isEqualTo(me.account().toString());
            assertThat(data.get("documentType").asText()).isEqualTo("BIRTH_CERTIFICATE");
            assertThat(data.get("size").asLong()).isEqualTo(300_000);
            assertThat(data.get("sha256").asText()).isEqualTo(sha256Hex(file));
        }
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM outbox WHERE aggregate_id = ?"
                + " AND type = 'mpaspor.upload.DocumentUploaded.v1'", idOf(location))).isEqualTo(1);
    }

    @Test
    void patchAtAnotherOffsetIsAConflictAndChangesNothing() {
        Applicant me = Applicant.withDraft();
        String location = me.create(100, "KK");
        me.patch(location, 0, new byte[40]).then().statusCode(204);

        me.patch(location, 10, new byte[20]).then().statusCode(409).header("Tus-Resumable", "1.0.0")
                .contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-offset-mismatch"));
        assertThat(me.offset(location)).isEqualTo(40);
        assertThat(storedSize(location)).isEqualTo(40);
    }

    @Test
    void patchWithoutTheOffsetContentTypeIs415() {
        Applicant me = Applicant.withDraft();
        String location = me.create(100, "KK");
        me.tus().contentType("application/octet-stream").header("Upload-Offset", 0).body(new byte[10])
                .patch(location).then().statusCode(415).header("Tus-Resumable", "1.0.0");
        assertThat(me.offset(location)).isZero();
    }

    @Test
    void aBodyBeyondUploadLengthIsRefusedAndNothingIsKept() {
        Applicant me = Applicant.withDraft();
        String location = me.create(100, "KK");
        me.patch(location, 0, new byte[150]).then().statusCode(413)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-exceeds-length"));
        assertThat(me.offset(location)).isZero();
    }

    @Test
    void anotherTusVersionIs412WithTheVersionWeSpeak() {
        Applicant me = Applicant.withDraft();
        String location = me.create(100, "KK");
        given().header("Authorization", "Bearer " + me.token()).header("Tus-Resumable", "0.2.2")
                .head(location).then().statusCode(412).header("Tus-Version", "1.0.0")
                .header("Tus-Resumable", "1.0.0");
        given().header("Authorization", "Bearer " + me.token()).header("Upload-Length", 10)
                .header("Upload-Metadata", me.metadata("KK", "kk.pdf")).post("/uploads")
                .then().statusCode(412);
    }

    @Test
    void sha1AndSha256ChecksumsThatMatchAreAccepted() throws Exception {
        Applicant me = Applicant.withDraft();
        byte[] file = randomBytes(2_000, 7);
        String location = me.create(file.length, "DIPLOMA");
        me.tus().contentType(Uploads.OCTETS).header("Upload-Offset", 0)
                .header("Upload-Checksum", "sha1 " + digestBase64("SHA-1", slice(file, 0, 1_000)))
                .body(slice(file, 0, 1_000)).patch(location).then().statusCode(204).header("Upload-Offset", "1000");
        me.tus().contentType(Uploads.OCTETS).header("Upload-Offset", 1_000)
                .header("Upload-Checksum", "sha256 " + digestBase64("SHA-256", slice(file, 1_000, 2_000)))
                .body(slice(file, 1_000, 2_000)).patch(location).then().statusCode(204)
                .header("Upload-Offset", "2000");
        assertThat(storedContent(location)).isEqualTo(file);
    }

    @Test
    void checksumMismatchIs460AndTheChunkIsDiscarded() throws Exception {
        Applicant me = Applicant.withDraft();
        byte[] file = randomBytes(2_000, 8);
        String location = me.create(file.length, "DIPLOMA");
        me.patch(location, 0, slice(file, 0, 500)).then().statusCode(204);

        byte[] damaged = slice(file, 500, 2_000);
        damaged[700] ^= 0x55;
        me.tus().contentType(Uploads.OCTETS).header("Upload-Offset", 500)
                .header("Upload-Checksum", "sha256 " + digestBase64("SHA-256", slice(file, 500, 2_000)))
                .body(damaged).patch(location).then().statusCode(460).header("Tus-Resumable", "1.0.0")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-checksum-mismatch"));
        assertThat(me.offset(location)).isEqualTo(500);
        assertThat(storedSize(location)).isEqualTo(500);

        me.tus().contentType(Uploads.OCTETS).header("Upload-Offset", 500)
                .header("Upload-Checksum", "sha256 " + digestBase64("SHA-256", slice(file, 500, 2_000)))
                .body(slice(file, 500, 2_000)).patch(location).then().statusCode(204)
                .header("Upload-Offset", "2000");
        assertThat(storedContent(location)).isEqualTo(file);
    }

    @Test
    void anUnsupportedChecksumAlgorithmIsABadRequestNamingTheHeader() {
        Applicant me = Applicant.withDraft();
        String location = me.create(10, "KK");
        me.tus().contentType(Uploads.OCTETS).header("Upload-Offset", 0).header("Upload-Checksum", "crc32 AAAA")
                .header("Accept-Language", "en").body(new byte[10]).patch(location).then().statusCode(400)
                .body("errors.field", hasItems("Upload-Checksum"))
                .body("errors.message", hasItems(containsString("sha1, sha256")));
        assertThat(me.offset(location)).isZero();
    }

    @Test
    void terminationRemovesThePartialUploadAndItsBytes() {
        Applicant me = Applicant.withDraft();
        String location = me.create(100, "KK");
        me.patch(location, 0, new byte[30]).then().statusCode(204);
        assertThat(storedSize(location)).isEqualTo(30);

        me.tus().delete(location).then().statusCode(204).header("Tus-Resumable", "1.0.0");

        me.tus().head(location).then().statusCode(404);
        me.patch(location, 30, new byte[10]).then().statusCode(404);
        assertThat(Files.exists(storedFile(location))).isFalse();
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM upload WHERE id = ?::uuid",
                idOf(location))).isZero();
    }

    @Test
    void aCompleteUploadIsADocumentAndCannotBeTerminated() {
        Applicant me = Applicant.withDraft();
        String location = me.create(10, "KK");
        me.patch(location, 0, new byte[10]).then().statusCode(204);
        me.tus().delete(location).then().statusCode(409)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-complete"));
        assertThat(Files.exists(storedFile(location))).isTrue();
    }

    @Test
    void anotherAccountsUploadIdIsRefusedAsNotFoundAndNothingChanges() {
        Applicant owner = Applicant.withDraft();
        Applicant other = Applicant.withDraft();
        String location = owner.create(100, "KK");
        owner.patch(location, 0, new byte[20]).then().statusCode(204);

        other.tus().head(location).then().statusCode(404);
        other.patch(location, 20, new byte[20]).then().statusCode(404)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-not-found"));
        other.tus().delete(location).then().statusCode(404);
        given().header("Tus-Resumable", "1.0.0").head(location).then().statusCode(401);

        assertThat(owner.offset(location)).isEqualTo(20);
        assertThat(storedSize(location)).isEqualTo(20);
    }

    @Test
    void onlyTheOwnerOfADraftApplicationMayCreateAnUpload() {
        Applicant me = Applicant.withDraft();
        UUID strangersApplication = UUID.randomUUID();
        me.tus().header("Upload-Length", 10)
                .header("Upload-Metadata", Uploads.metadata("applicationId", strangersApplication.toString(),
                        "applicantId", me.applicant().toString(), "documentType", "KK", "filename", "kk.pdf"))
                .post("/uploads").then().statusCode(404)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-target-not-found"));

        UUID submitted = UUID.randomUUID();
        TestUploadTargets.declare(me.account(), submitted, me.applicant(), Target.NOT_EDITABLE);
        me.tus().header("Upload-Length", 10)
                .header("Upload-Metadata", Uploads.metadata("applicationId", submitted.toString(),
                        "applicantId", me.applicant().toString(), "documentType", "KK", "filename", "kk.pdf"))
                .post("/uploads").then().statusCode(409)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-application-not-editable"));
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM upload WHERE account_id = ?::uuid",
                me.account().toString())).isZero();
    }

    @Test
    void anUploadCannotBeResumedOnceItsApplicationIsNoLongerADraft() {
        Applicant me = Applicant.withDraft();
        String location = me.create(100, "KK");
        me.patch(location, 0, new byte[40]).then().statusCode(204);
        TestUploadTargets.declare(me.account(), me.application(), me.applicant(), Target.NOT_EDITABLE);

        me.patch(location, 40, new byte[60]).then().statusCode(409)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-application-not-editable"));
        assertThat(me.offset(location)).isEqualTo(40);
        assertThat(storedSize(location)).isEqualTo(40);
    }

    @Test
    void creationWithBadHeadersNamesEveryOffendingFieldInBothLanguagesAndStoresNothing() {
        Applicant me = Applicant.withDraft();
        me.tus().header("Upload-Length", "-5").header("Accept-Language", "en")
                .header("Upload-Metadata", Uploads.metadata("applicationId", "not-a-uuid", "documentType", "SELFIE"))
                .post("/uploads").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("Upload-Length", "Upload-Metadata.applicationId",
                        "Upload-Metadata.applicantId", "Upload-Metadata.documentType", "Upload-Metadata.filename"))
                .body("errors.find { it.field == 'Upload-Metadata.documentType' }.message",
                        equalTo("unknown document type"));
        me.tus().header("Upload-Metadata", "applicationId ###").post("/uploads").then().statusCode(400)
                .body("errors.field", hasItems("Upload-Metadata.applicationId"))
                .body("errors.message", hasItems("nilai harus dikodekan base64"));
        me.tus().header("Upload-Length", 20_000_000_000L).header("Upload-Metadata", me.metadata("KK", "kk.pdf"))
                .post("/uploads").then().statusCode(413)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-too-large"));
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM upload WHERE account_id = ?::uuid",
                me.account().toString())).isZero();
    }

    @Test
    void anExpiredPartialUploadIsGoneAndTheCleanupRemovesItsRowAndBytes() throws Throwable {
        Applicant me = Applicant.withDraft();
        String expired = me.create(100, "KK");
        me.patch(expired, 0, new byte[10]).then().statusCode(204);
        String fresh = me.create(100, "KK");
        String complete = me.create(5, "KK");
        me.patch(complete, 0, new byte[5]).then().statusCode(204);
        RealInfrastructure.database().update("UPDATE upload SET expires_at = now() - interval '1 minute'"
                + " WHERE id IN (?::uuid, ?::uuid)", idOf(expired), idOf(complete));

        me.tus().head(expired).then().statusCode(410);
        me.patch(expired, 10, new byte[10]).then().statusCode(410)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-expired"));

        int removed = VertxContextSupport.subscribeAndAwait(() -> cleanup.removeAllExpired());

        assertThat(removed).isGreaterThanOrEqualTo(1);
        me.tus().head(expired).then().statusCode(404);
        assertThat(Files.exists(storedFile(expired))).isFalse();
        assertThat(me.offset(fresh)).isZero();
        assertThat(me.offset(complete)).isEqualTo(5);
        assertThat(Files.exists(storedFile(complete))).isTrue();
    }

    @Test
    void aTokenFromNobodyIsRefused() {
        given().header("Authorization", "Bearer " + TestJwt.forged(UUID.randomUUID().toString()))
                .header("Tus-Resumable", "1.0.0").header("Upload-Length", 10).post("/uploads")
                .then().statusCode(401).header("Tus-Resumable", "1.0.0");
    }
}
