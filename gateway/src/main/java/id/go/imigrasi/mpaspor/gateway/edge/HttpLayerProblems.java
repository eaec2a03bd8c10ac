package id.go.imigrasi.mpaspor.gateway.edge;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import id.go.imigrasi.mpaspor.gateway.GatewayProblem;
import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemType;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import id.go.imigrasi.mpaspor.gateway.exchange.EdgeMetrics;
import id.go.imigrasi.mpaspor.gateway.exchange.EdgeProblems;

/**
 * What the HTTP layer would refuse with an empty body is refused here with problem+json, before any other
 * route: a request line longer than {@code limits.max-uri-length} (414), a header block larger than
 * {@code limits.max-header-size} (431), a declared body larger than {@code limits.max-body-size} (413, before
 * Quarkus's own check, which would answer without a body), and a request the router could not read (its 400,
 * e.g. a broken percent-encoding). Netty's own limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) are set well above these so that the answer is ours; only a request beyond Netty's
 * limits is still closed with Vert.x's bare status.
 */
@ApplicationScoped
public class HttpLayerProblems {

    static final ProblemType URI_TOO_LONG = GatewayProblem.URI_TOO_LONG;
    static final ProblemType HEADERS_TOO_LARGE = GatewayProblem.HEADERS_TOO_LARGE;

    private static final Map<Integer, ProblemType> BY_STATUS = Map.of(
            400, CommonProblem.MALFORMED_REQUEST, 404, CommonProblem.NOT_FOUND, 405, CommonProblem.METHOD_NOT_ALLOWED,
            413, CommonProblem.PAYLOAD_TOO_LARGE, 414, URI_TOO_LONG, 431, HEADERS_TOO_LARGE);

    private final EdgeProblems problems;
    private final EdgeMetrics metrics;
    private final GatewayConfig.Limits limits;

    public HttpLayerProblems(EdgeProblems problems, EdgeMetrics metrics, GatewayConfig config) {
        this.problems = problems;
        this.metrics = metrics;
        this.limits = config.limits();
    }

    void mount(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::limits);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).failureHandler(this::failure);
    }

    private void limits(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > limits.maxUriLength()) {
            refuse(ctx, URI_TOO_LONG, "uri-too-long");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > limits.maxHeaderSize()) {
            refuse(ctx, HEADERS_TOO_LARGE, "headers-too-large");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > limits.maxBodySize()) {
            refuse(ctx, CommonProblem.PAYLOAD_TOO_LARGE, "payload-too-large");
            return;
        }
        ctx.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException unreadable) {
            // not a length: the HTTP layer refuses it on its own (400)
            return -1;
        }
    }

    private void refuse(RoutingContext ctx, ProblemType type, String reason) {
        metrics.rejected(reason, "http");
        // the unread body is not waited for: the connection closes after the answer
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(v -> ctx.request().connection().close());
        problems.send(ctx, type, null);
    }

    /** A failure with a status and nothing written yet (the router's own 400, a 404 or 405 of Quarkus's routes). */
    private void failure(RoutingContext ctx) {
        ProblemType type = BY_STATUS.get(ctx.statusCode());
        if (type == null || ctx.response().headWritten() || ctx.failure() != null) {
            ctx.next();
            return;
        }
        metrics.rejected("http-" + ctx.statusCode(), "http");
        problems.send(ctx, type, null);
    }
}
