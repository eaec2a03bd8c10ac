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

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/v1/offices");
    }

    private ApiTransport transport() {
        URI api = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/v1");
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
