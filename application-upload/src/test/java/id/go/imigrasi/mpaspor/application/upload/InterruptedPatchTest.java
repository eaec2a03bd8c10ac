package id.go.imigrasi.mpaspor.application.upload;

import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.digestBase64;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.randomBytes;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.slice;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.storedContent;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.storedSize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.upload.support.Uploads.Applicant;
import id.go.imigrasi.mpaspor.application.upload.support.Uploads.RawPatch;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A PATCH whose connection is cut mid-body keeps the bytes that arrived, and the upload resumes from there. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
class InterruptedPatchTest {

    @Test
    void aConnectionCutMidChunkKeepsTheBytesReceivedAndTheUploadResumesFromThem() throws Exception {
        Applicant me = Applicant.withDraft();
        byte[] file = randomBytes(400_000, 42);
        String location = me.create(file.length, "OLD_PASSPORT");

        // the client announces the whole file but its network drops after 150,000 bytes
        try (RawPatch patch = new RawPatch(me.token(), location, 0, file.length)) {
            patch.send(slice(file, 0, 150_000));
            await().atMost(Duration.ofSeconds(30)).until(() -> storedSize(location) == 150_000);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> me.offset(location) == 150_000);
        me.patch(location, 150_000, slice(file, 150_000, file.length)).then().statusCode(204)
                .header("Upload-Offset", String.valueOf(file.length));

        assertThat(storedContent(location)).isEqualTo(file);
        assertThat(RealInfrastructure.database().count(
                "SELECT count(*) FROM upload WHERE id = ?::uuid AND status = 'COMPLETE'",
                location.substring(location.lastIndexOf('/') + 1))).isEqualTo(1);
    }

    @Test
    void aCutChunkThatCarriesAChecksumCannotBeVerifiedAndIsDiscarded() throws Exception {
        Applicant me = Applicant.withDraft();
        byte[] file = randomBytes(200_000, 44);
        String location = me.create(file.length, "KK");
        me.patch(location, 0, slice(file, 0, 50_000)).then().statusCode(204);

        String checksum = "Upload-Checksum: sha256 " + digestBase64("SHA-256", slice(file, 50_000, 200_000)) + "\r\n";
        try (RawPatch patch = new RawPatch(me.token(), location, 50_000, 150_000, checksum)) {
            patch.send(slice(file, 50_000, 120_000));
            await().atMost(Duration.ofSeconds(30)).until(() -> storedSize(location) == 120_000);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> storedSize(location) == 50_000);
        assertThat(me.offset(location)).isEqualTo(50_000);
        me.patch(location, 50_000, slice(file, 50_000, 200_000)).then().statusCode(204);
        assertThat(storedContent(location)).isEqualTo(file);
    }

    @Test
    void aWholeChunkThatArrivedBeforeTheCutCountsAndTheRestIsResumedByAnotherRequest() throws Exception {
        Applicant me = Applicant.withDraft();
        byte[] file = randomBytes(100_000, 43);
        String location = me.create(file.length, "KK");
        try (RawPatch patch = new RawPatch(me.token(), location, 0, 60_000)) {
            patch.send(slice(file, 0, 60_000));
            assertThat(patch.statusLine()).isEqualTo("HTTP/1.1 204 No Content");
        }
        assertThat(me.offset(location)).isEqualTo(60_000);
        // a stale client repeating the old offset is told where to resume
        me.patch(location, 0, slice(file, 0, 60_000)).then().statusCode(409);
        me.patch(location, 60_000, slice(file, 60_000, 100_000)).then().statusCode(204);
        assertThat(storedContent(location)).isEqualTo(file);
    }
}
