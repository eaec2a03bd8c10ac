package id.go.imigrasi.mpaspor.gateway.website;

import java.net.URI;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.gateway.exchange.ClientAddress;
import id.go.imigrasi.mpaspor.gateway.proxy.PublicLocations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * One server-rendered front end behind the gateway (the website, the ops console): requests are streamed to it
 * unchanged (Server-Sent Events included), with {@code X-Forwarded-For} from the client's address as the edge
 * decided it, the configured public {@code X-Forwarded-Host} (never the client's {@code Host}, {@link PublicLocations})
 * and {@code X-Forwarded-Proto}. A redirect to the front end's own internal origin goes to the public one. When it
 * does not answer: 503 + Retry-After and a page that reloads itself, never a blank one.
 */
final class FrontEndProxy {

    private static final Logger LOG = Logger.getLogger(FrontEndProxy.class);
    /** Above the front ends' event streams' keep-alive comments (15 s). */
    private static final int IDLE_TIMEOUT_MILLIS = 120_000;

    private final String name;
    private final URI origin;
    private final Buffer unavailablePage;
    private final PublicLocations publicLocations;
    private final HttpClient client;
    private final HttpProxy proxy;

    FrontEndProxy(Vertx vertx, String name, URI origin, int maxConnections, String unavailablePage,
            PublicLocations publicLocations) {
        this.name = name;
        this.origin = origin;
        this.unavailablePage = Buffer.buffer(unavailablePage);
        this.publicLocations = publicLocations;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(1000).setKeepAlive(true)
                .setMaxPoolSize(maxConnections).setDecompressionSupported(false));
        this.proxy = HttpProxy.reverseProxy(client);
        int port = origin.getPort() > 0 ? origin.getPort() : 80;
        proxy.origin(context -> context.client().request(new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, origin.getHost())).setHost(origin.getHost())
                .setPort(port).setConnectTimeout(1000).setIdleTimeout(IDLE_TIMEOUT_MILLIS)));
        proxy.addInterceptor(new Unavailable());
        proxy.addInterceptor(new PublicLocation());
    }

    void forward(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        ClientAddress client = ctx.get(ClientAddress.class.getName());
        if (client != null) {
            request.headers().set("X-Forwarded-For", client.forwardedFor());
        }
        request.headers().remove("Forwarded");
        request.headers().set("X-Forwarded-Host", publicLocations.forwardedHost());
        request.headers().set("X-Forwarded-Proto", request.scheme());
        proxy.handle(request);
    }

    void close() {
        client.close();
    }

    private final class PublicLocation implements ProxyInterceptor {
        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            String location = context.response().headers().get(HttpHeaders.LOCATION);
            if (location != null) {
                String rewritten = publicLocations.ofWebsite(location);
                if (rewritten == null) {
                    context.response().headers().remove(HttpHeaders.LOCATION);
                } else {
                    context.response().headers().set(HttpHeaders.LOCATION, rewritten);
                }
            }
            return context.sendResponse();
        }
    }

    private final class Unavailable implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                LOG.warnf("%s (%s) did not answer %s: %s", name, origin, context.request().getURI(),
                        String.valueOf(failure.getMessage()));
                return Future.succeededFuture(context.request().release().response().setStatusCode(503)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                        .putHeader("Retry-After", "10").putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .setBody(Body.body(unavailablePage)));
            });
        }
    }
}
