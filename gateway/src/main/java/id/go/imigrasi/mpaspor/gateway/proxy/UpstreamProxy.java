package id.go.imigrasi.mpaspor.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.gateway.GatewayProblem;
import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.gateway.exchange.ClientAddress;
import id.go.imigrasi.mpaspor.gateway.exchange.EdgeMetrics;
import id.go.imigrasi.mpaspor.gateway.exchange.EdgeProblems;
import id.go.imigrasi.mpaspor.gateway.routing.Route;
import id.go.imigrasi.mpaspor.gateway.routing.RouteTable;
import id.go.imigrasi.mpaspor.gateway.routing.Upstream;
import id.go.imigrasi.mpaspor.platform.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The reverse proxy to the services (Vert.x {@code vertx-http-proxy} on Quarkus's own Vert.x): bodies stream
 * both ways with back-pressure, nothing is buffered; hop-by-hop headers are dropped, every other header (tus
 * {@code Upload-*}, {@code Tus-*}, {@code Authorization}, {@code Retry-After}) passes. The gateway strips the
 * public {@code /api/v1} prefix, tells the service where the request came from ({@code X-Forwarded-*}) and
 * turns the service's {@code Location} back into the public URL ({@link PublicLocations}). A service that does not accept the
 * connection in time, or stays silent past the response timeout, is answered at once with a 503
 * problem+json and {@code Retry-After}; its own 429/503 with {@code Retry-After} pass through unchanged.
 */
@ApplicationScoped
public class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    private static final String TUS_CONTENT_TYPE = "application/offset+octet-stream";
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String DEADLINE = "mpaspor.deadline";
    private static final String TIMED_OUT = "mpaspor.timed-out";
    private static final String MULTIPLEXED = "mpaspor.multiplexed";
    private static final String UPSTREAM_MULTIPLEXED = "X-Mpaspor-Upstream-Multiplexed";
    private static final String UPSTREAM_REQUEST = "mpaspor.upstream-request";
    private static final String UPSTREAM_PATH = "X-Mpaspor-Upstream-Path";

    private final GatewayConfig config;
    private final EdgeProblems problems;
    private final EdgeMetrics metrics;
    private final HttpClient client;
    private final HttpClient multiplexedClient;
    private final List<Pattern> multiplexed;
    private final Vertx vertx;
    private final ResponseDeadlines deadlines;
    private final UpstreamAdmission admission;
    private final PublicLocations publicLocations;
    private final Map<Upstream, HttpProxy> proxies = new EnumMap<>(Upstream.class);

    public UpstreamProxy(Vertx vertx, GatewayConfig config, EdgeProblems problems, EdgeMetrics metrics,
            ResponseDeadlines deadlines, UpstreamAdmission admission, PublicLocations publicLocations) {
        this.vertx = vertx;
        this.publicLocations = publicLocations;
        this.deadlines = deadlines;
        this.admission = admission;
        this.config = config;
        this.problems = problems;
        this.metrics = metrics;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                .setMaxPoolSize(config.proxy().maxPoolSize())
                .setMaxWaitQueueSize(config.proxy().maxWaitQueue())
                .setKeepAlive(true)
                .setDecompressionSupported(false));
        // h2c with prior knowledge: no upgrade round trip, and the services' Vert.x servers accept it on their one port
        this.multiplexedClient = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false)
                .setHttp2MaxPoolSize(Math.max(1, config.proxy().multiplexedConnections()))
                .setHttp2MultiplexingLimit(-1) // as many streams as the service allows on one connection
                .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                .setMaxWaitQueueSize(config.proxy().maxWaitQueue())
                .setKeepAlive(true)
                .setDecompressionSupported(false));
        this.multiplexed = config.proxy().multiplexed().orElse(List.of()).stream().filter(p -> !p.isBlank())
                .map(UpstreamAdmission::prefixPattern).toList();
        for (Upstream upstream : Upstream.values()) {
            URI base = upstream.uri(config.routes());
            HttpProxy proxy = HttpProxy.reverseProxy(client);
            proxy.origin(context -> connect(context, base));
            proxy.addInterceptor(new Unavailable(upstream));
            proxy.addInterceptor(new Forwarding());
            proxies.put(upstream, proxy);
        }
    }

    /**
     * Streams {@code request} to {@code upstream}; the request must still be paused (its body unread). The
     * service learns the client through {@code X-Forwarded-For}: the chain of a trusted proxy with that proxy
     * appended, else only the peer (what an untrusted client wrote there does not pass).
     */
    public void forward(Route route, HttpServerRequest request, ClientAddress client, boolean overTls) {
        request.headers().set(X_FORWARDED_FOR, client.forwardedFor());
        // https only when the request came over TLS to us or a trusted proxy says so; what a client wrote is replaced
        request.headers().set(X_FORWARDED_PROTO, overTls ? "https" : "http");
        // the canonical path travels to the Forwarding interceptor in a header of ours, replaced whatever the
        // client sent in it, and removed before the request leaves
        request.headers().set(UPSTREAM_PATH, route.upstreamPath());
        // the transport is chosen by the canonical path, never by what the client wrote in this header of ours
        if (multiplexed(route.publicPath())) {
            request.headers().set(UPSTREAM_MULTIPLEXED, "1");
        } else {
            request.headers().remove(UPSTREAM_MULTIPLEXED);
        }
        proxies.get(route.upstream()).handle(request);
    }

    @PreDestroy
    void close() {
        multiplexedClient.close();
        client.close();
    }

    boolean multiplexed(String publicPath) {
        for (Pattern prefix : multiplexed) {
            if (prefix.matcher(publicPath).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private Future<HttpClientRequest> connect(ProxyContext context, URI base) {
        long timeout = context.get(DEADLINE, Duration.class).toMillis();
        HttpClient over = Boolean.TRUE.equals(context.get(MULTIPLEXED, Boolean.class)) ? multiplexedClient
                : context.client();
        return over.request(new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(Upstream.portOf(base), base.getHost()))
                .setHost(base.getHost())
                .setPort(Upstream.portOf(base))
                .setConnectTimeout(config.proxy().connectTimeout().toMillis())
                .setIdleTimeout(timeout))
                .onSuccess(request -> {
                    if (Boolean.TRUE.equals(context.get(TIMED_OUT, Boolean.class))) {
                        // the client got its 503 while this request waited for a connection: never send it
                        request.reset();
                    } else {
                        context.set(UPSTREAM_REQUEST, request);
                    }
                });
    }

    private static boolean tusPatch(HttpServerRequest incoming) {
        String type = incoming.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.startsWith(TUS_CONTENT_TYPE);
    }

    /** Outermost: whatever keeps the service from answering becomes a fast 503 with Retry-After. */
    private final class Unavailable implements ProxyInterceptor {

        private final Upstream upstream;

        Unavailable(Upstream upstream) {
            this.upstream = upstream;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            String path = context.request().headers().get(UPSTREAM_PATH);
            String publicPath = RouteTable.JWKS_PATH.equals(path) ? path : RouteTable.PUBLIC_PREFIX + path;
            Duration deadline = deadlines.of(publicPath, tusPatch(incoming));
            context.set(DEADLINE, deadline);
            // the service's status line must come within the deadline, however the connection behaves
            Promise<ProxyResponse> answer = Promise.promise();
            long timer = vertx.setTimer(deadline.toMillis(), fired -> {
                HttpClientRequest pending = context.get(UPSTREAM_REQUEST, HttpClientRequest.class);
                if (answer.tryFail(new TimeoutException("no answer within " + deadline.toMillis() + " ms"))) {
                    context.set(TIMED_OUT, Boolean.TRUE);
                    admission.timedOut(upstream);
                    if (pending != null) {
                        pending.reset();
                    }
                }
            });
            context.sendRequest().onComplete(sent -> {
                vertx.cancelTimer(timer);
                if (sent.succeeded()) {
                    admission.answered(upstream);
                    answer.tryComplete(sent.result());
                } else {
                    answer.tryFail(sent.cause());
                }
            });
            return answer.future().recover(failure -> {
                LOG.warnf("%s did not answer %s %s: %s", upstream.serviceName(), incoming.method(), incoming.path(),
                        String.valueOf(failure.getMessage()));
                metrics.upstreamUnavailable(upstream.serviceName(), EdgeMetrics.causeOf(failure));
                EdgeProblems.Rendered problem = problems.render(incoming, GatewayProblem.UPSTREAM_UNAVAILABLE,
                        config.proxy().retryAfter(), upstream.serviceName());
                // release() drains the client's body; one read to its end already (an HTTP/2 POST whose service
                // dropped the connection after taking the body) makes release() throw, and the client waited 30 s
                // for an answer that was never sent (load/faults.sh's unanswered payment callback)
                ProxyResponse response = (incoming.isEnded() ? context.request() : context.request().release())
                        .response()
                        .setStatusCode(problem.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONTENT_LANGUAGE, problem.language())
                        .putHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()))
                        .setBody(Body.body(problem.body()));
                return Future.succeededFuture(response);
            });
        }
    }

    /**
     * Path prefix, X-Forwarded-Host/Proto/Prefix on the way in (For: {@link #forward}); Location on the way out. The
     * host is the configured public one ({@link PublicLocations}), never the client's {@code Host}.
     */
    private final class Forwarding implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            // the service gets the canonical path (PathNormalizer), never the client's spelling of it
            String path = request.headers().get(UPSTREAM_PATH);
            request.headers().remove(UPSTREAM_PATH);
            context.set(MULTIPLEXED, request.headers().contains(UPSTREAM_MULTIPLEXED));
            request.headers().remove(UPSTREAM_MULTIPLEXED);
            String query = incoming.query();
            request.setURI(path + (query == null ? "" : "?" + query));
            if (!RouteTable.JWKS_PATH.equals(path)) {
                request.headers().set("X-Forwarded-Prefix", RouteTable.PUBLIC_PREFIX);
            }
            request.headers().remove("Forwarded");
            request.headers().set("X-Forwarded-Host", publicLocations.forwardedHost());
            // X-Forwarded-Proto: set in forward()
            return context.sendRequest();
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            String location = response.headers().get(HttpHeaders.LOCATION);
            if (location != null) {
                String rewritten = publicLocations.ofService(location);
                if (rewritten == null) {
                    LOG.warnf("dropped an unreadable Location from a service: %s", location);
                    response.headers().remove(HttpHeaders.LOCATION);
                } else {
                    response.headers().set(HttpHeaders.LOCATION, rewritten);
                }
            }
            endWithUpstream(context);
            HttpServerResponse out = context.request().proxiedRequest().response();
            return context.sendResponse().onFailure(failed -> {
                // the body could not be relayed (the service's connection closed before the close handler above
                // was in place, or the body stream failed): the client must not wait for bytes that never come
                if (!out.ended() && !out.closed()) {
                    LOG.warnf("the service's answer could not be relayed (%s); the client's exchange is reset",
                            String.valueOf(failed.getMessage()));
                    out.reset();
                }
            });
        }

        /**
         * A service killed or silent after its status line (found by {@code load/faults.sh}: payment callbacks in
         * flight when billing-service was killed -9 held their clients for 30 s): when the service's connection
         * closes before the answer has ended, or stays silent past the route's deadline (the request's idle
         * timeout closes it), the client's exchange is reset at once, so the client sees an incomplete answer and
         * retries instead of waiting for bytes that never come.
         */
        private void endWithUpstream(ProxyContext context) {
            HttpClientRequest upstream = context.get(UPSTREAM_REQUEST, HttpClientRequest.class);
            HttpServerResponse out = context.request().proxiedRequest().response();
            if (upstream == null || upstream.connection() == null) {
                return;
            }
            upstream.connection().closeHandler(closed -> {
                if (!out.ended() && !out.closed()) {
                    LOG.warnf("the service's connection closed mid-answer; the client's exchange is reset");
                    out.reset();
                }
            });
            String type = context.response().headers().get(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.startsWith("text/event-stream")) {
                return; // a stream of events is silent between events by design
            }
            // silent mid-answer: no byte between two looks half a deadline apart while the client was ready for more
            long deadline = context.get(DEADLINE, Duration.class).toMillis();
            long[] written = { -1 };
            vertx.setPeriodic(deadline / 2, deadline / 2, tick -> {
                if (out.ended() || out.closed()) {
                    vertx.cancelTimer(tick);
                } else if (out.bytesWritten() == written[0] && !out.writeQueueFull()) {
                    vertx.cancelTimer(tick);
                    LOG.warnf("the service fell silent mid-answer for %d ms; the client's exchange is reset",
                            deadline / 2);
                    upstream.reset();
                    out.reset();
                } else {
                    written[0] = out.bytesWritten();
                }
            });
        }
    }
}
