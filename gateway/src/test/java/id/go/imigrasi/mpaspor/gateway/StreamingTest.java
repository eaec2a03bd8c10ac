package id.go.imigrasi.mpaspor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.Fakes;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Large bodies stream through the gateway both ways: the service holds the first bytes of a 20 MiB tus PATCH
 * while the client has not sent the rest yet, and the client holds the first bytes of a 20 MiB download while
 * the service has not written the rest yet. A gateway that buffered would wait for the whole body and these
 * tests would time out.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StreamingTest {

    private static final int MIB = 1024 * 1024;
    private static final int SIZE = 20 * MIB;

    private static Vertx vertx;
    private static HttpClient client;

    @BeforeAll
    static void client() {
        vertx = Vertx.vertx();
        client = vertx.createHttpClient();
    }

    @AfterAll
    static void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    private static <T> T done(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void tusPatchOf20MibReachesTheServiceWhileTheClientIsStillSending() throws Exception {
        String uploadId = "stream" + System.nanoTime();
        HttpClientRequest request = done(client.request(new RequestOptions().setMethod(HttpMethod.PATCH)
                .setHost("localhost").setPort(port()).setURI("/api/v1/uploads/" + uploadId)
                .putHeader("Authorization", "Bearer " + TestJwt.applicant("acc-stream"))
                .putHeader("Tus-Resumable", "1.0.0").putHeader("Upload-Offset", "0")
                .putHeader("Upload-Checksum", "sha1 Kq5sNclPz7QV2+lfQIuc6R7oRu0=")
                .putHeader("Content-Type", "application/offset+octet-stream")
                .putHeader("Content-Length", String.valueOf(SIZE))));
        CompletableFuture<HttpClientResponse> response = request.response().toCompletionStage().toCompletableFuture();
        // the first 2 MiB only
        done(request.write(Buffer.buffer(new byte[2 * MIB])));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Fakes.received("upload", uploadId) > 0);
        assertThat(response).isNotDone();
        long early = Fakes.received("upload", uploadId);
        assertThat(early).isLessThanOrEqualTo(2L * MIB);
        // then the other 18 MiB
        long started = System.nanoTime();
        for (int i = 2; i < 20; i++) {
            done(request.write(Buffer.buffer(new byte[MIB])));
        }
        done(request.end());
        HttpClientResponse answered = response.get(30, TimeUnit.SECONDS);
        System.out.printf("18 MiB streamed through the gateway in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(answered.statusCode()).isEqualTo(204);
        assertThat(answered.getHeader("Upload-Offset")).isEqualTo(String.valueOf(SIZE));
        assertThat(answered.getHeader("Tus-Resumable")).isEqualTo("1.0.0");
        assertThat(answered.getHeader("X-Seen-Upload-Checksum")).isEqualTo("sha1 Kq5sNclPz7QV2+lfQIuc6R7oRu0=");
        assertThat(Fakes.received("upload", uploadId)).isEqualTo(SIZE);
    }

    @Test
    void downloadOf20MibReachesTheClientWhileTheServiceIsStillWriting() throws Exception {
        String id = "dl" + System.nanoTime();
        HttpClientRequest request = done(client.request(new RequestOptions().setMethod(HttpMethod.GET)
                .setHost("localhost").setPort(port()).setURI("/api/v1/uploads/" + id + "/content?size=" + SIZE)
                .putHeader("Authorization", "Bearer " + TestJwt.applicant("acc-stream"))));
        AtomicLong received = new AtomicLong();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        // handlers set on the event loop as the response arrives, before any of its body
        HttpClientResponse response = done(request.send().onSuccess(r -> {
            r.handler(chunk -> received.addAndGet(chunk.length()));
            r.endHandler(v -> ended.complete(null));
            r.exceptionHandler(ended::completeExceptionally);
        }));
        assertThat(response.statusCode()).isEqualTo(200);
        // the service wrote 1 MiB and waits: the client already has bytes, the body has not ended
        await().atMost(Duration.ofSeconds(30)).until(() -> received.get() > 0);
        assertThat(ended).isNotDone();
        assertThat(received.get()).isLessThanOrEqualTo(MIB);
        Fakes.release("upload", id);
        ended.get(30, TimeUnit.SECONDS);
        assertThat(received.get()).isEqualTo(SIZE);
    }

    /**
     * A waiting room's Server-Sent Events pass event by event, unbuffered, for longer than the response timeout (3 s in
     * tests; it bounds the wait for the status line, not a stream that keeps talking), without an account token.
     */
    @Test
    void serverSentEventsOfAWaitingRoomReachTheClientOneByOne() throws Exception {
        HttpClientRequest request = done(client.request(new RequestOptions().setMethod(HttpMethod.GET)
                .setHost("localhost").setPort(port())
                .setURI("/api/v1/releases/0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f/waiting-room/events?n=5")
                .putHeader("Accept", "text/event-stream")));
        StringBuffer received = new StringBuffer();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        long started = System.nanoTime();
        HttpClientResponse response = done(request.send().onSuccess(r -> {
            r.handler(chunk -> received.append(chunk.toString()));
            r.endHandler(v -> ended.complete(null));
            r.exceptionHandler(ended::completeExceptionally);
        }));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
        await().atMost(Duration.ofSeconds(30)).until(() -> received.toString().contains("{\"event\":1}"));
        assertThat(ended).as("the first event arrived while the stream goes on").isNotDone();
        ended.get(30, TimeUnit.SECONDS);
        assertThat(received.toString()).contains("{\"event\":5}");
        assertThat((System.nanoTime() - started) / 1_000_000).as("longer than the response timeout")
                .isGreaterThan(3_000);
    }

    @Test
    void clientWaitingFor100ContinueIsToldToSendOnlyOnceTheEdgeLetItThrough() throws Exception {
        String uploadId = "continue" + System.nanoTime();
        CompletableFuture<Void> continued = new CompletableFuture<>();
        HttpClientRequest request = done(client.request(new RequestOptions().setMethod(HttpMethod.PATCH)
                .setHost("localhost").setPort(port()).setURI("/api/v1/uploads/" + uploadId)
                .putHeader("Authorization", "Bearer " + TestJwt.applicant("acc-stream"))
                .putHeader("Tus-Resumable", "1.0.0").putHeader("Upload-Offset", "0")
                .putHeader("Content-Type", "application/offset+octet-stream")
                .putHeader("Content-Length", String.valueOf(2 * MIB))
                .putHeader("Expect", "100-continue")));
        request.continueHandler(v -> {
            continued.complete(null);
            request.end(Buffer.buffer(new byte[2 * MIB]));
        });
        CompletableFuture<HttpClientResponse> response = request.response().toCompletionStage().toCompletableFuture();
        request.sendHead();
        continued.get(30, TimeUnit.SECONDS);
        HttpClientResponse answered = response.get(30, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(204);
        assertThat(answered.getHeader("Upload-Offset")).isEqualTo(String.valueOf(2 * MIB));

        // without a token the answer is 401 and the client is never asked for the body
        CompletableFuture<Void> wronglyContinued = new CompletableFuture<>();
        HttpClientRequest refused = done(client.request(new RequestOptions().setMethod(HttpMethod.PATCH)
                .setHost("localhost").setPort(port()).setURI("/api/v1/uploads/" + uploadId)
                .putHeader("Content-Type", "application/offset+octet-stream")
                .putHeader("Content-Length", String.valueOf(2 * MIB))
                .putHeader("Expect", "100-continue")));
        refused.continueHandler(v -> wronglyContinued.complete(null));
        CompletableFuture<HttpClientResponse> refusal = refused.response().toCompletionStage().toCompletableFuture();
        refused.sendHead();
        assertThat(refusal.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(401);
        assertThat(wronglyContinued).isNotDone();
        refused.reset();
    }
}
