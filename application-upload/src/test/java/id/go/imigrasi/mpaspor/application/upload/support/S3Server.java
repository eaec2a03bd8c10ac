package id.go.imigrasi.mpaspor.application.upload.support;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real S3-compatible server for the service under test: S3Proxy (Maven Central) on an in-memory blob store, in
 * the test JVM, no Docker. Switches the upload store to {@code s3} and points it there.
 */
public class S3Server implements QuarkusTestResourceLifecycleManager {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret";
    public static final String BUCKET = "mpaspor-uploads";

    private static volatile URI endpoint;

    private BlobStoreContext blobs;
    private S3Proxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                    .build(BlobStoreContext.class);
            proxy = S3Proxy.builder().blobStore(blobs.getBlobStore())
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .endpoint(URI.create("http://127.0.0.1:0")).build();
            proxy.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(proxy.getState()));
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy could not start", e);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        return Map.of("mpaspor.upload.storage.kind", "s3",
                "mpaspor.upload.storage.s3.endpoint", endpoint.toString(),
                "mpaspor.upload.storage.s3.region", "us-east-1",
                "mpaspor.upload.storage.s3.bucket", BUCKET,
                "mpaspor.upload.storage.s3.access-key", ACCESS_KEY,
                "mpaspor.upload.storage.s3.secret-key", SECRET_KEY);
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.stop();
            }
        } catch (Exception e) {
            // the JVM ends anyway
        }
        if (blobs != null) {
            blobs.close();
        }
    }

    public static URI endpoint() {
        return endpoint;
    }
}
