package id.go.imigrasi.mpaspor.gateway.edge;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.gateway.routing.PathNormalizer;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The security headers of every answer the gateway gives, its own and the services' alike, set as the headers
 * are written (after the proxy copied the service's): {@code X-Content-Type-Options: nosniff},
 * {@code Referrer-Policy}, a {@code Content-Security-Policy} of {@code frame-ancestors 'none'} (kept when the
 * answer brings its own policy, as web pages do), {@code Strict-Transport-Security} only when the request came
 * over TLS (to the gateway itself, or {@code X-Forwarded-Proto: https} from a trusted proxy), and
 * {@code Cache-Control: no-store} on the paths that carry personal data or tokens, whatever the service said.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final GatewayConfig.SecurityHeaders config;
    private final TrustedProxies trustedProxies;

    public SecurityHeaders(GatewayConfig config, TrustedProxies trustedProxies) {
        this.config = config.securityHeaders();
        this.trustedProxies = trustedProxies;
    }

    void mount(@Observes Router router) {
        // before every other route of the gateway, so that its earliest refusals carry the headers too
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::onEveryAnswer);
    }

    private void onEveryAnswer(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        boolean secure = overTls(request);
        String path = PathNormalizer.normalize(request.path()).canonical().orElse(request.path());
        ctx.addHeadersEndHandler(v -> apply(ctx.response().headers(), path, secure));
        ctx.next();
    }

    void apply(MultiMap headers, String path, boolean secure) {
        headers.set("X-Content-Type-Options", "nosniff");
        if (!headers.contains("Referrer-Policy")) {
            headers.set("Referrer-Policy", config.referrerPolicy());
        }
        if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", config.contentSecurityPolicy());
        }
        if (secure) {
            headers.set("Strict-Transport-Security", config.strictTransportSecurity());
        } else {
            // HSTS over plain HTTP is meaningless, and a service must not send it on the gateway's behalf
            headers.remove("Strict-Transport-Security");
        }
        if (personal(path)) {
            headers.set("Cache-Control", "no-store");
            headers.remove("Expires");
        }
    }

    /** Whether the request reached us over TLS: directly, or as a trusted proxy vouches. */
    public boolean overTls(HttpServerRequest request) {
        if (request.isSSL()) {
            return true;
        }
        List<String> proto = request.headers().getAll("X-Forwarded-Proto");
        if (proto.isEmpty()) {
            return false;
        }
        SocketAddress peer = request.connection() != null ? request.connection().remoteAddress()
                : request.remoteAddress();
        if (peer == null || peer.hostAddress() == null || !trustedProxies.trusts(TrustedProxies.parseEntry(peer.hostAddress()))) {
            return false;
        }
        // the proxy nearest to us appended last
        String last = proto.get(proto.size() - 1);
        String[] hops = last.split(",");
        return "https".equalsIgnoreCase(hops[hops.length - 1].trim());
    }

    /** Whether a path carries personal data or tokens: its prefix is listed, compared without case. */
    boolean personal(String path) {
        for (String prefix : config.noStore()) {
            if (path.regionMatches(true, 0, prefix, 0, prefix.length())
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }
}
