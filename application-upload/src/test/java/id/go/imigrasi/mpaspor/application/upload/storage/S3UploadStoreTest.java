package id.go.imigrasi.mpaspor.application.upload.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static id.go.imigrasi.mpaspor.application.upload.storage.StoreFixtures.bytes;
import static id.go.imigrasi.mpaspor.application.upload.storage.StoreFixtures.slice;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.TamperedUploadException;
import id.go.imigrasi.mpaspor.application.upload.support.AtRest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store against a real S3-compatible server (S3Proxy from Maven Central, in this JVM, no Docker), through
 * the same AWS SDK client production uses, encrypting as configured by default: parts at offsets read back in
 * order, an interrupted body keeps what arrived, leftovers beyond the recorded offset are cut (inside a sealed
 * segment too), termination removes everything; the parts hold no plaintext and a changed byte is refused.
 */
class S3UploadStoreTest {

    private static BlobStoreContext blobs;
    private static S3Proxy proxy;
    private static S3Client client;
    private static S3UploadStore store;

    @BeforeAll
    static void startS3() throws Exception {
        blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(blobs.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test-access", "test-secret")
                .endpoint(URI.create("http://127.0.0.1:0")).build();
        proxy.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(proxy.getState()));
        client = UploadStoreProducer.s3Client(new TestS3(URI.create("http://127.0.0.1:" + proxy.getPort())));
        store = new S3UploadStore(client, "mpaspor-uploads-test", 8192, AtRest.sealingWith("k1", "k1")).ensureBucket();
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.stop();
        }
        if (blobs != null) {
            blobs.close();
        }
    }

    @Test
    void chunksAppendedAtTheirOffsetsReadBackAsOneFileWithTheirDigest() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] file = bytes(250_000);
        store.create(key);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        assertThat(store.append(key, 0, slice(file, 0, 100_000), 250_000, null)).isEqualTo(100_000);
        assertThat(store.append(key, 100_000, slice(file, 100_000, 180_000), 150_000, digest)).isEqualTo(80_000);
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(java.util.Arrays.copyOfRange(file, 100_000, 180_000)));
        store.append(key, 180_000, slice(file, 180_000, 250_000), 70_000, null);

        assertThat(read(key)).isEqualTo(file);
    }

    @Test
    void anInterruptedBodyKeepsTheBytesThatArrived() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] file = bytes(100_000);
        InputStream breaksOff = StoreFixtures.breakingOffAt(file, 30_000);
        assertThatThrownBy(() -> store.append(key, 0, breaksOff, 100_000, null))
                .isInstanceOfSatisfying(UploadStore.Interrupted.class, e -> assertThat(e.written()).isEqualTo(30_000));
        // an unfinished encrypted upload has no last segment yet, so it is not read as a document: its parts say
        // how much plaintext they hold
        assertThat(storedLength(key)).isEqualTo(30_000);

        store.append(key, 30_000, slice(file, 30_000, 100_000), 70_000, null);
        assertThat(read(key)).isEqualTo(file);
    }

    @Test
    void bytesBeyondTheRecordedOffsetAreCutBeforeTheNextChunk() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] file = bytes(90_000);
        store.append(key, 0, slice(file, 0, 40_000), 90_000, null);
        // a chunk whose checksum failed, or that the database never recorded
        store.append(key, 40_000, new ByteArrayInputStream(new byte[30_000]), 50_000, null);
        store.truncate(key, 25_000);
        assertThat(storedLength(key)).isEqualTo(25_000);

        store.append(key, 25_000, slice(file, 25_000, 90_000), 65_000, null);
        assertThat(read(key)).isEqualTo(file);
        assertThat(store.parts(key)).hasSize(2);
    }

    @Test
    void thePartsHoldNoPlaintextAndAChangedByteIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] file = bytes(60_000);
        store.append(key, 0, slice(file, 0, 20_000), 60_000, null);
        store.append(key, 20_000, slice(file, 20_000, 60_000), 40_000, null);
        assertThat(store.parts(key)).extracting(S3UploadStore.Part::name)
                .containsExactly(key + "/" + "0".repeat(19) + ".20000", key + "/" + "0".repeat(14) + "20000.40000");

        byte[] second = client.getObjectAsBytes(b -> b.bucket("mpaspor-uploads-test")
                .key(store.parts(key).get(1).name())).asByteArray();
        AtRest.assertHoldsNoPlaintext(second, java.util.Arrays.copyOfRange(file, 20_000, 60_000));
        second[100] ^= 0x01;
        client.putObject(b -> b.bucket("mpaspor-uploads-test").key(store.parts(key).get(1).name()),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(second));

        assertThatThrownBy(() -> read(key)).isInstanceOf(TamperedUploadException.class);
    }

    @Test
    void deleteRemovesEveryPart() throws Exception {
        String key = UUID.randomUUID().toString();
        store.append(key, 0, new ByteArrayInputStream(new byte[10]), 20, null);
        store.append(key, 10, new ByteArrayInputStream(new byte[10]), 10, null);
        store.delete(key);
        assertThat(store.parts(key)).isEmpty();
        assertThat(read(key)).isEmpty();
    }

    private static long storedLength(String key) {
        return store.parts(key).stream().mapToLong(S3UploadStore.Part::length).sum();
    }

    private static byte[] read(String key) throws IOException {
        return StoreFixtures.read(store, key);
    }

    private record TestS3(URI uri) implements UploadConfig.S3 {
        @Override
        public Optional<URI> endpoint() {
            return Optional.of(uri);
        }

        @Override
        public String region() {
            return "us-east-1";
        }

        @Override
        public String bucket() {
            return "mpaspor-uploads-test";
        }

        @Override
        public boolean pathStyle() {
            return true;
        }

        @Override
        public Optional<String> accessKey() {
            return Optional.of("test-access");
        }

        @Override
        public Optional<String> secretKey() {
            return Optional.of("test-secret");
        }
    }
}
