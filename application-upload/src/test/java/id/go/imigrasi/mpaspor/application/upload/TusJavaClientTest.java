package id.go.imigrasi.mpaspor.application.upload;

import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.randomBytes;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.sha256Hex;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.storedContent;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.go.imigrasi.mpaspor.application.upload.support.Uploads.Applicant;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;

/**
 * The official tus-java-client (Maven Central, unmodified) uploads through the real HTTP endpoint: creation,
 * PATCH via X-HTTP-Method-Override (HttpURLConnection cannot send PATCH) with chunked bodies, and resuming an
 * interrupted upload from the server's offset.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
class TusJavaClientTest {

    @TempDir
    Path temp;

    @Test
    void tusJavaClientUploadsAFileInSeveralRequestsAndResumesAfterStopping() throws Exception {
        Applicant me = Applicant.withDraft();
        byte[] bytes = randomBytes(1_000_000, 5);
        File file = temp.resolve("akta-kelahiran.pdf").toFile();
        Files.write(file.toPath(), bytes);

        TusURLMemoryStore urls = new TusURLMemoryStore();
        // first session: 300 KB, then the app is closed
        TusUploader first = client(me, urls).resumeOrCreateUpload(upload(me, file));
        first.setChunkSize(50 * 1024);
        first.setRequestPayloadSize(100 * 1024);
        while (first.getOffset() < 300_000 && first.uploadChunk() > -1) {
            // uploading
        }
        first.finish(false);
        URL url = first.getUploadURL();
        long stoppedAt = first.getOffset();
        assertThat(me.offset(url.getPath())).isEqualTo(stoppedAt);
        assertThat(stoppedAt).isBetween(300_000L, 999_999L);

        // second session: the client asks the server where to resume and finishes
        TusUploader second = client(me, urls).resumeOrCreateUpload(upload(me, file));
        assertThat(second.getUploadURL()).isEqualTo(url);
        assertThat(second.getOffset()).isEqualTo(stoppedAt);
        second.setChunkSize(64 * 1024);
        second.setRequestPayloadSize(256 * 1024);
        while (second.uploadChunk() > -1) {
            // uploading
        }
        second.finish();

        String location = url.getPath();
        assertThat(me.offset(location)).isEqualTo(bytes.length);
        assertThat(storedContent(location)).isEqualTo(bytes);
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM upload WHERE id = ?::uuid"
                + " AND status = 'COMPLETE' AND sha256 = ? AND file_name = 'akta-kelahiran.pdf'",
                location.substring(location.lastIndexOf('/') + 1), sha256Hex(bytes))).isEqualTo(1);
    }

    private static TusUpload upload(Applicant me, File file) throws Exception {
        TusUpload upload = new TusUpload(file);
        upload.setMetadata(Map.of("applicationId", me.application().toString(), "applicantId",
                me.applicant().toString(), "documentType", "BIRTH_CERTIFICATE", "filename", file.getName()));
        return upload;
    }

    private static TusClient client(Applicant me, TusURLMemoryStore urls) throws Exception {
        TusClient client = new TusClient();
        client.setUploadCreationURL(new URL("http://localhost:" + RestAssured.port + "/uploads"));
        client.setHeaders(Map.of("Authorization", "Bearer " + me.token()));
        client.enableResuming(urls);
        return client;
    }
}
