package id.go.imigrasi.mpaspor.upload.testserver;

import id.go.imigrasi.mpaspor.upload.client.UploadResult;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusURLMemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official tus-java-client against the test server: the server the client library is tested with speaks tus
 * the way the reference client expects, and an upload the official client started is finished by ours.
 */
class OfficialTusClientCompatibilityTest {

    @TempDir
    Path dir;

    private TusTestServer server;
    private Path file;
    private String sha256;

    @BeforeEach
    void start() throws Exception {
        server = TusTestServer.start();
        byte[] content = new byte[300_000];
        new Random(11).nextBytes(content);
        file = Files.write(dir.resolve("kk.pdf"), content);
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TusClient officialClient() throws Exception {
        TusClient client = new TusClient();
        client.setUploadCreationURL(server.endpoint().toURL());
        client.enableResuming(new TusURLMemoryStore());
        client.setHeaders(Map.of("Authorization", "Bearer official"));
        return client;
    }

    private TusUpload officialUpload() throws Exception {
        TusUpload upload = new TusUpload(file.toFile());
        upload.setMetadata(Map.of("documentType", "KK", "filename", "kk.pdf"));
        return upload;
    }

    @Test
    void theOfficialTusJavaClientUploadsToTheTestServer() throws Exception {
        io.tus.java.client.TusUploader uploader = officialClient().resumeOrCreateUpload(officialUpload());
        uploader.setChunkSize(64 * 1024);
        uploader.setRequestPayloadSize(100 * 1024);
        while (uploader.uploadChunk() > -1) {
            // until the whole file is sent
        }
        uploader.finish();

        TusTestServer.Upload stored = server.upload(URI.create(uploader.getUploadURL().toString()));
        assertThat(stored.sha256Hex()).isEqualTo(sha256);
        assertThat(stored.metadata()).containsEntry("documentType", "KK").containsEntry("filename", "kk.pdf");
        assertThat(stored.authorization()).isEqualTo("Bearer official");
    }

    @Test
    void anUploadTheOfficialClientStartedIsFinishedByOursWithoutResendingItsBytes() throws Exception {
        io.tus.java.client.TusUploader official = officialClient().resumeOrCreateUpload(officialUpload());
        official.setChunkSize(50_000);
        official.setRequestPayloadSize(100_000);
        official.uploadChunk();
        official.uploadChunk();
        official.finish();
        URI uploadUrl = URI.create(official.getUploadURL().toString());
        assertThat(server.upload(uploadUrl).offset()).isEqualTo(100_000);

        UploadResult result = id.go.imigrasi.mpaspor.upload.client.TusUploader.builder()
                .endpoint(server.endpoint()).chunkSize(64 * 1024).build()
                .resume(uploadUrl, file);

        assertThat(server.upload(uploadUrl).sha256Hex()).isEqualTo(sha256);
        assertThat(result.bytesSent()).isEqualTo(200_000);
        assertThat(server.upload(uploadUrl).bodyBytesReceived()).isEqualTo(300_000);
    }
}
