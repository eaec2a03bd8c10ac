package id.go.imigrasi.mpaspor.gateway.waitingroom;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;

/**
 * The small HTTP client the gateway's waiting-room copies ({@link RoomCopies}, {@link Draws}) read quota-service with,
 * apart from the proxy's pool (a read must not wait behind the crowd's requests), with its periodic task. Both are
 * made on first use, from whichever event loop comes first, under one lock: a read that found a copy another event
 * loop had just added, before that one had made the client, used to read with none; the read failed at once,
 * uncounted, and left the copy "being read" for good, so the edge answered nothing in two whole benchmarks
 * ({@code RoomCopiesTest}). Every failure, that one included, comes back as a failed future.
 */
final class QuotaReads {

    private final Vertx vertx;
    private final String base;
    private final int poolSize;
    private final long periodMillis;
    private final Runnable periodic;
    private HttpClient client;
    private long timer = -1;

    QuotaReads(Vertx vertx, GatewayConfig config, int poolSize, long periodMillis, Runnable periodic) {
        this.vertx = vertx;
        String url = config.routes().quota().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.poolSize = poolSize;
        this.periodMillis = periodMillis;
        this.periodic = periodic;
    }

    /** quota-service's address of {@code path} (from its root: {@code /releases/...}). */
    String url(String path) {
        return base + path;
    }

    /** Sends the request (no body); its answer, or a failed future for any failure. */
    Future<HttpClientResponse> send(RequestOptions request) {
        try {
            return client().request(request).compose(HttpClientRequest::send);
        } catch (RuntimeException closed) {
            return Future.failedFuture(closed);
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(poolSize).setKeepAlive(true)
                    .setConnectTimeout(1_000).setIdleTimeout(30));
            timer = vertx.setPeriodic(periodMillis, id -> periodic.run());
        }
        return client;
    }

    synchronized void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (client != null) {
            client.close();
        }
    }
}
