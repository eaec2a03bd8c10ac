package id.go.imigrasi.mpaspor.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.web.WebConfig;
import io.vertx.core.Vertx;

/**
 * A peer that closes a connection without answering (what a keep-alive connection closed by the other side under a
 * request looks like): a request safe to repeat is sent once more and answered; one that is not is reported to the
 * page (which shows "busy, try again") rather than sent twice.
 */
class ApiTransportTest {

    private final Vertx vertx = Vertx.vertx();
    private ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile int dropFirst;
    private Thread loop;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        loop = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    int n = accepted.incrementAndGet();
                    readHead(s.getInputStream());
                    if (n <= dropFirst) {
                        s.setSoLinger(true, 0); // a reset, no answer
                        continue;
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
                            + "Connection: close\r\n\r\n{\"ok\":true}").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }
        });
        loop.setDaemon(true);
        loop.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aGetWhoseConnectionWasResetIsSentOnceMore() throws Exception {
        dropFirst = 1;
        ApiResponse r = transport().send("GET", uri(), Map.of(), null, Duration.ofSeconds(5));
        assertThat(r.status()).isEqualTo(200);
        assertThat(accepted.get()).isEqualTo(2);
    }

    @Test
    void aPostWithAnIdempotencyKeyIsSentOnceMore() throws Exception {
        dropFirst = 1;
        ApiResponse r = transport().send("POST", uri(), Map.of("Idempotency-Key", List.of("k-1")),
                "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        assertThat(r.status()).isEqualTo(200);
        assertThat(accepted.get()).isEqualTo(2);
    }

    @Test
    void aPostWithoutAKeyIsNeverSentTwice() {
        dropFirst = 1;
        assertThatThrownBy(() -> transport().send("POST", uri(), Map.of(), "{}".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5))).isInstanceOf(IOException.class);
        assertThat(accepted.get()).isEqualTo(1);
    }

    @Test
    void aSecondFailureIsReportedNotRetriedForever() {
        dropFirst = 5;
        assertThatThrownBy(() -> transport().send("GET", uri(), Map.of(), null, Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class);
        assertThat(accepted.get()).isEqualTo(2);
    }

    /**
     * The website's page threads are not Vert.x threads. Reading the answer's body in a callback chained after the
     * request's own (request().compose(send).compose(body)) let the answer arrive before anyone listened, and the
     * exchange waited until its timeout: 1 to 19 of these 1,600 exchanges, and a 503 "busy" page now and then in
     * CI. The peer keeps its connections alive, as the gateway does.
     */
    @Test
    void everyExchangeFromPlainThreadsIsAnsweredOnKeptAliveConnections() throws Exception {
        io.vertx.core.http.HttpServer peer = vertx.createHttpServer()
                .requestHandler(req -> req.body().onComplete(b -> {
                    switch (req.method().name()) {
                        case "HEAD" -> req.response().setStatusCode(200).end();
                        case "PATCH" -> req.response().setStatusCode(204).end();
                        default -> req.response().putHeader("Content-Type", "application/json")
                                .end("{\"method\":\"" + req.method().name() + "\"}");
                    }
                })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
        URI api = URI.create("http://127.0.0.1:" + peer.actualPort() + "/api/v1");
        ApiTransport transport = transport(api);
        String[] methods = { "GET", "POST", "HEAD", "PATCH", "PUT" };
        java.util.concurrent.ExecutorService pages = java.util.concurrent.Executors.newFixedThreadPool(8);
        AtomicInteger answered = new AtomicInteger();
        List<String> lost = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            for (int round = 0; round < 400; round++) {
                int r = round;
                int exchanges = round % 4 == 0 ? 16 : 2; // now and then a burst, as parallel page loads are
                List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
                for (int i = 0; i < exchanges; i++) {
                    String method = methods[(r + i) % methods.length];
                    all.add(pages.submit(() -> {
                        try {
                            ApiResponse a = transport.send(method, URI.create(api + "/x"), Map.of(),
                                    "GET".equals(method) || "HEAD".equals(method) ? null
                                            : "{}".getBytes(StandardCharsets.UTF_8),
                                    Duration.ofSeconds(2));
                            assertThat(a.status()).isIn(200, 204);
                            answered.incrementAndGet();
                        } catch (IOException | InterruptedException e) {
                            lost.add(r + " " + method + ": " + e);
                        }
                        return null;
                    }));
                }
                for (var f : all) {
                    f.get();
                }
            }
        } finally {
            pages.shutdownNow();
        }
        assertThat(lost).isEmpty();
        assertThat(answered.get()).isEqualTo(100 * 16 + 300 * 2);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/v1/offices");
    }

    private ApiTransport transport() {
        return transport(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/v1"));
    }

    private ApiTransport transport(URI api) {
        WebConfig config = (WebConfig) Proxy.newProxyInstance(WebConfig.class.getClassLoader(),
                new Class<?>[] { WebConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "apiUrl" -> api;
                    case "clientAddress" -> Optional.empty();
                    case "maxStreams" -> 4;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new ApiTransport(vertx, config);
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        int available = in.available();
        if (available > 0) {
            in.readNBytes(available); // the small body, if any
        }
    }
}
