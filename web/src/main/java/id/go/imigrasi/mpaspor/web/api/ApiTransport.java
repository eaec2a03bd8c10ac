package id.go.imigrasi.mpaspor.web.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.web.WebConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/**
 * The HTTP connections to the public API, leaving from {@code mpaspor.web.client-address} when it is set
 * (127.0.0.3 in the launcher): the one address the gateway trusts, besides its other proxies, to say in
 * {@code X-Forwarded-For} who the visitor is, so every visitor has their own rate-limit buckets and a client that
 * reaches the gateway directly cannot choose its bucket. The JDK's HttpClient cannot bind a source address before
 * Java 19, so this is Vert.x's client, waited for on the page's worker thread.
 */
@ApplicationScoped
public class ApiTransport {

    private final HttpClient client;
    private final HttpClient streams;
    private final int maxStreams;
    private final java.util.concurrent.atomic.AtomicInteger openStreams = new java.util.concurrent.atomic.AtomicInteger();

    public ApiTransport(Vertx vertx, WebConfig config) {
        HttpClientOptions options = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout(3000).setKeepAlive(true).setKeepAliveTimeout(30).setMaxPoolSize(64)
                .setDecompressionSupported(false);
        config.clientAddress().filter(a -> !a.isBlank()).ifPresent(options::setLocalAddress);
        if ("https".equalsIgnoreCase(config.apiUrl().getScheme())) {
            options.setSsl(true);
        }
        this.client = vertx.createHttpClient(options);
        // the relayed event streams hold their connection for minutes: a pool of their own, bounded
        this.maxStreams = config.maxStreams();
        this.streams = vertx.createHttpClient(new HttpClientOptions(options).setMaxPoolSize(Math.max(1, maxStreams)));
    }

    /**
     * One exchange: the answer whatever its status, or an {@link IOException} when there is none within
     * {@code timeout} (no connection, a reset, too slow). A request that is safe to repeat (GET, HEAD, PUT, DELETE,
     * OPTIONS, or one carrying an {@code Idempotency-Key}) is sent once more when its connection failed before any
     * answer came: a pooled keep-alive connection the peer had just closed is an ordinary event between two HTTP
     * processes, not an outage to show the visitor. A request that timed out is not repeated.
     */
    public ApiResponse send(String method, URI uri, Map<String, List<String>> headers, byte[] body,
            Duration timeout) throws IOException, InterruptedException {
        try {
            return sendOnce(method, uri, headers, body, timeout);
        } catch (ConnectionFailed e) {
            if (!repeatable(method, headers)) {
                throw new IOException(e.getCause());
            }
            try {
                return sendOnce(method, uri, headers, body, timeout);
            } catch (ConnectionFailed again) {
                again.getCause().addSuppressed(e.getCause());
                throw new IOException(again.getCause());
            }
        }
    }

    static boolean repeatable(String method, Map<String, List<String>> headers) {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> headers.keySet().stream().anyMatch("Idempotency-Key"::equalsIgnoreCase);
        };
    }

    /** The connection failed (refused, reset, closed) before an answer: the request may be sent again. */
    private static final class ConnectionFailed extends IOException {
        ConnectionFailed(Throwable cause) {
            super(cause);
        }
    }

    private ApiResponse sendOnce(String method, URI uri, Map<String, List<String>> headers, byte[] body,
            Duration timeout) throws IOException, InterruptedException {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.valueOf(method))
                .setAbsoluteURI(uri.toString()).setIdleTimeout(timeout.toMillis());
        // the body is asked for inside the request's own callback, on the connection's event loop: chained after it
        // instead (request().compose(send).compose(body)), the answer can be read before anyone listens when the
        // caller is not a Vert.x thread, and the exchange waits forever (eclipse-vertx/vert.x#4705; StandInProbe
        // measured 1 to 19 lost answers in 1,600 requests)
        var answer = client.request(request).compose(r -> {
            headers.forEach((name, values) -> values.forEach(v -> r.headers().add(name, v)));
            Future<HttpClientResponse> sent;
            if (body != null) {
                sent = r.send(Buffer.buffer(body));
            } else {
                // a POST without a body still says so (Content-Length: 0), as a tus upload's creation does
                sent = "GET".equals(method) || "HEAD".equals(method) ? r.send() : r.send(Buffer.buffer());
            }
            return sent.compose(response -> response.body().map(b -> {
                Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                response.headers().forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
                return new ApiResponse(response.statusCode(), HttpHeaders.of(out, (k, v) -> true), b.getBytes());
            }));
        });
        try {
            return answer.toCompletionStage().toCompletableFuture().get(timeout.toMillis() + 1000,
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof io.vertx.core.http.HttpClosedException || cause instanceof java.net.ConnectException
                    || (cause instanceof IOException && !(cause instanceof java.net.SocketTimeoutException))) {
                throw new ConnectionFailed(cause);
            }
            throw new IOException(cause);
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + timeout, e);
        }
    }

    /**
     * A streamed GET (Server-Sent Events): {@code onLine} gets each line of the body as it arrives, {@code onEnd} the
     * end of the stream (null) or its failure, including a status other than 200 ({@link IOException} with the
     * status). Closing the returned handle ends the exchange.
     */
    public AutoCloseable stream(URI uri, Map<String, List<String>> headers, java.util.function.Consumer<String> onLine,
            java.util.function.Consumer<Throwable> onEnd) {
        if (openStreams.incrementAndGet() > maxStreams) {
            openStreams.decrementAndGet();
            // as many streams as allowed are open: this page polls instead (its script falls back on the error)
            throw new ApiBusy(5);
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
                .setIdleTimeout(30_000);
        java.util.concurrent.atomic.AtomicReference<io.vertx.core.http.HttpClientRequest> open =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);
        Runnable release = () -> {
            if (counted.compareAndSet(true, false)) {
                openStreams.decrementAndGet();
            }
        };
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        // the handlers are set inside the request's callback, on the connection's event loop (see sendOnce)
        streams.request(request).compose(r -> {
            open.set(r);
            headers.forEach((name, values) -> values.forEach(v -> r.headers().add(name, v)));
            return r.send().onSuccess(response -> {
                if (response.statusCode() != 200) {
                    closed.set(true);
                    release.run();
                    response.body().onComplete(ignored -> onEnd.accept(
                            new IOException("status " + response.statusCode())));
                    return;
                }
                io.vertx.core.parsetools.RecordParser lines = io.vertx.core.parsetools.RecordParser.newDelimited("\n",
                        line -> onLine.accept(line.toString(java.nio.charset.StandardCharsets.UTF_8).replace("\r", "")));
                lines.maxRecordSize(64 * 1024);
                response.handler(lines);
                response.exceptionHandler(failure -> {
                    closed.set(true);
                    release.run();
                    onEnd.accept(failure);
                });
                response.endHandler(end -> {
                    // ended: the connection goes back to the pool, where resetting this request would cut another's
                    closed.set(true);
                    release.run();
                    onEnd.accept(null);
                });
            });
        }).onFailure(failure -> {
            closed.set(true);
            release.run();
            onEnd.accept(failure);
        });
        return () -> {
            release.run();
            // the browser went away while the stream was open: close that connection (never pooled again)
            if (closed.compareAndSet(false, true) && open.get() != null) {
                open.get().reset();
            }
        };
    }

    /** Relayed event streams open now (at most {@code mpaspor.web.max-streams}). */
    public int openStreams() {
        return openStreams.get();
    }

    @PreDestroy
    void close() {
        streams.close();
        client.close();
    }
}
