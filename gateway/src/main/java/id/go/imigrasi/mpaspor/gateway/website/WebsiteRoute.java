package id.go.imigrasi.mpaspor.gateway.website;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.gateway.edge.ClientAddress;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The applicant's website (the {@code web} module) at {@code /}: every path that is not the API ({@code /api/v1}),
 * the docs ({@code /docs}), Quarkus' own ({@code /q}) or {@code /.well-known} is streamed to it unchanged, with
 * {@code X-Forwarded-For/-Host/-Proto}. The website is a client of the API like any app: it calls {@code /api/v1}
 * through this gateway, so no edge rule is bypassed. When it is away: a short HTML page and 503 + Retry-After.
 */
@ApplicationScoped
public class WebsiteRoute {

    private static final Logger LOG = Logger.getLogger(WebsiteRoute.class);
    /** Everything but the gateway's own and the API's paths. */
    static final Pattern WEBSITE_PATHS = Pattern.compile("^/(?!api/v1(/|$)|q(/|$)|docs(/|$)|\\.well-known(/|$)).*");
    private static final String UNAVAILABLE = "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width\"><meta http-equiv=\"refresh\" content=\"10\">"
            + "<title>M-Paspor</title></head><body><h1>M-Paspor sedang sibuk</h1><p>Halaman ini dimuat ulang sendiri "
            + "dalam 10 detik.</p><p lang=\"en\">The service is busy; this page reloads itself in 10 seconds.</p>"
            + "</body></html>";

    private final URI website;
    private final HttpClient client;
    private final HttpProxy proxy;

    public WebsiteRoute(Vertx vertx,
            @ConfigProperty(name = "mpaspor.website.url", defaultValue = "http://127.0.0.1:8086") URI website) {
        this.website = website;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(1000).setKeepAlive(true)
                .setMaxPoolSize(50).setDecompressionSupported(false));
        this.proxy = HttpProxy.reverseProxy(client);
        int port = website.getPort() > 0 ? website.getPort() : 80;
        proxy.origin(context -> context.client().request(new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, website.getHost())).setHost(website.getHost())
                .setPort(port).setConnectTimeout(1000).setIdleTimeout(120_000)));
        proxy.addInterceptor(new Unavailable());
    }

    void mount(@Observes Router router) {
        router.routeWithRegex(WEBSITE_PATHS.pattern()).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1)
                .handler(this::forward);
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        ClientAddress client = ctx.get(ClientAddress.class.getName());
        if (client != null) {
            request.headers().set("X-Forwarded-For", client.forwardedFor());
        }
        request.headers().remove("Forwarded");
        request.headers().set("X-Forwarded-Host", String.valueOf(request.authority()));
        request.headers().set("X-Forwarded-Proto", request.scheme());
        proxy.handle(request);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The website did not answer: a page that reloads itself, never a blank one. */
    private final class Unavailable implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                LOG.warnf("the website (%s) did not answer %s: %s", website, context.request().getURI(),
                        String.valueOf(failure.getMessage()));
                return Future.succeededFuture(context.request().release().response().setStatusCode(503)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                        .putHeader("Retry-After", "10").putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .setBody(Body.body(io.vertx.core.buffer.Buffer.buffer(UNAVAILABLE))));
            });
        }
    }
}
