package id.go.imigrasi.mpaspor.gateway.edge;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import id.go.imigrasi.mpaspor.gateway.GatewayProblem;
import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.gateway.proxy.UpstreamAdmission;
import id.go.imigrasi.mpaspor.gateway.proxy.UpstreamProxy;
import id.go.imigrasi.mpaspor.gateway.routing.PathNormalizer;
import id.go.imigrasi.mpaspor.gateway.routing.Route;
import id.go.imigrasi.mpaspor.gateway.routing.RouteTable;
import id.go.imigrasi.mpaspor.gateway.routing.Upstream;
import id.go.imigrasi.mpaspor.gateway.waitingroom.AdmittedHolds;
import id.go.imigrasi.mpaspor.gateway.waitingroom.Challenges;
import id.go.imigrasi.mpaspor.gateway.waitingroom.PositionChecks;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.security.RevokedSessionCheck;
import id.go.imigrasi.mpaspor.platform.security.RevokedSessions;
import id.go.imigrasi.mpaspor.platform.security.VerifiedTokens;
import id.go.imigrasi.mpaspor.platform.trace.TraceParent;
import id.go.imigrasi.mpaspor.platform.trace.Tracing;
import id.go.imigrasi.mpaspor.platform.web.RequestId;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import id.go.imigrasi.mpaspor.gateway.exchange.ClientAddress;
import id.go.imigrasi.mpaspor.gateway.exchange.EdgeMetrics;
import id.go.imigrasi.mpaspor.gateway.exchange.EdgeProblems;

/**
 * The edge, in the order a request meets it: request id, route lookup, per-IP bucket, the stricter bucket of
 * login/OTP/registration/password reset, JWT verification for protected routes (a token of a revoked session,
 * platform {@code RevokedSessions} fed from {@code account.events}, is refused like an invalid one; a token not seen
 * before is verified only if the service has room in flight: a request the proxy would shed is shed before the
 * verification, the most expensive step of a refusal, so while a service is full a bad token gets 503, not 401),
 * per-account bucket, then the proxy (a waiting room's position check and an applicant's proof-of-work challenge
 * are answered at the edge: {@link PositionChecks}, {@link Challenges}).
 * Mounted on Quarkus's Vert.x router before the application's own routes.
 */
@ApplicationScoped
public class EdgeRouter {

    private static final Logger LOG = Logger.getLogger(EdgeRouter.class);
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String BEARER = "Bearer ";
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final JWTParser jwt;
    private final RateLimiter limiter;
    private final UpstreamProxy proxy;
    private final UpstreamAdmission admission;
    private final EdgeProblems problems;
    private final EdgeMetrics metrics;
    private final TrustedProxies trustedProxies;
    private final SecurityHeaders securityHeaders;
    private final Duration retryAfter;
    private final RevokedSessions revokedSessions;
    private final PositionChecks positionChecks;
    private final Challenges challenges;
    private final VerifiedTokens verifiedTokens;
    private final AdmittedHolds admittedHolds;

    public EdgeRouter(JWTParser jwt, RateLimiter limiter, UpstreamProxy proxy, UpstreamAdmission admission,
            EdgeProblems problems, EdgeMetrics metrics, TrustedProxies trustedProxies, SecurityHeaders securityHeaders,
            GatewayConfig config, RevokedSessions revokedSessions, PositionChecks positionChecks,
            Challenges challenges, VerifiedTokens verifiedTokens, AdmittedHolds admittedHolds) {
        this.challenges = challenges;
        this.admittedHolds = admittedHolds;
        this.verifiedTokens = verifiedTokens;
        this.positionChecks = positionChecks;
        this.revokedSessions = revokedSessions;
        this.securityHeaders = securityHeaders;
        this.admission = admission;
        this.trustedProxies = trustedProxies;
        this.retryAfter = config.proxy().retryAfter();
        this.jwt = jwt;
        this.limiter = limiter;
        this.proxy = proxy;
        this.problems = problems;
        this.metrics = metrics;
    }

    private volatile boolean mounted;

    /** Whether the edge takes requests (the gateway's own readiness). */
    public boolean mounted() {
        return mounted;
    }

    void mount(@Observes Router router) {
        // every request, the gateway's own pages included, carries one request id in and out
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 10).handler(EdgeRouter::requestId);
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 9).handler(this::clientAddress);
        // every path: a spelling of an API path the router would not match (case, //, %61) is still the API's
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::edge);
        mounted = true;
    }

    /**
     * Keeps the client's sane {@code X-Request-Id} or makes one; sends it upstream, back, and into the logs. The same
     * for the W3C {@code traceparent}: the upstream service continues the gateway's span.
     */
    static void requestId(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String id = request.getHeader(RequestId.HEADER);
        if (id == null || !SANE_REQUEST_ID.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
            request.headers().set(RequestId.HEADER, id);
        }
        String assigned = id;
        MDC.put(RequestId.MDC_KEY, assigned);
        // W3C trace context: the client's trace continues here (or starts), and the service continues the gateway's
        TraceParent trace = Tracing.enter(TraceParent.childOf(request.getHeader(TraceParent.HEADER)));
        request.headers().set(TraceParent.HEADER, trace.header());
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestId.HEADER, assigned));
        ctx.next();
    }

    /**
     * Learns the client's address once per request (see {@link TrustedProxies}) for the buckets, the logs (MDC
     * {@code clientAddress}, the access log) and the {@code X-Forwarded-For} sent to the service.
     */
    void clientAddress(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // the connection's own peer: never rewritten by forwarded headers
        SocketAddress peer = request.connection() != null ? request.connection().remoteAddress()
                : request.remoteAddress();
        ClientAddress client = trustedProxies.resolve(peer == null ? null : peer.hostAddress(),
                request.headers().getAll(X_FORWARDED_FOR));
        ctx.put(ClientAddress.class.getName(), client);
        ctx.put(ClientAddress.CONTEXT_KEY, client.client());
        MDC.put(ClientAddress.MDC_KEY, client.client());
        ctx.next();
    }

    private void edge(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // one canonical path for everything that follows: route, buckets, token, the path the service gets
        PathNormalizer.Result normalized = PathNormalizer.normalize(request.path());
        if (normalized.refused()) {
            request.pause();
            metrics.rejected("path-not-canonical", "path");
            reject(ctx, GatewayProblem.PATH_NOT_CANONICAL, null, normalized.refusal());
            return;
        }
        String path = normalized.canonical().get();
        if (ManagementPaths.isManagement(path)) {
            // health, metrics and the gateway's own OpenAPI live on the management interface, never here
            request.pause();
            metrics.rejected("not-found", "management");
            reject(ctx, CommonProblem.NOT_FOUND, null);
            return;
        }
        if (!RouteTable.handles(path)) {
            ctx.next();
            return;
        }
        // nothing of the body is read until the proxy streams it to the service
        request.pause();
        Optional<Route> found = RouteTable.match(request.method().name(), path);
        if (found.isEmpty()) {
            metrics.rejected("not-found", "route");
            reject(ctx, CommonProblem.NOT_FOUND, null);
            return;
        }
        Route route = found.get();
        ClientAddress client = ctx.get(ClientAddress.class.getName());
        String ip = client.client();
        if (limited(ctx, RateLimiter.Scope.IP, ip)) {
            return;
        }
        if (route.limitCategory().isPresent()
                && attemptLimited(ctx, RateLimiter.Scope.of(route.limitCategory().get()), ip)) {
            return;
        }
        if (route.isPublic()) {
            if (positionChecks.answered(ctx, path)) {
                // a waiting room's position check: the ticket and the room's numbers say it all
                return;
            }
            forward(ctx, route, client);
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.length() == BEARER.length()) {
            metrics.rejected("unauthorized", "token");
            reject(ctx, CommonProblem.UNAUTHORIZED, null);
            return;
        }
        String token = authorization.substring(BEARER.length()).trim();
        JsonWebToken known = verifiedTokens.known(token);
        if (known != null) {
            // verified before in this process: answered from memory, no hop to a worker thread
            authenticated(ctx, route, path, client, known);
            return;
        }
        if (!admission.hasRoom(route.upstream(), route.publicPath())
                && !challenges.mayAnswer(path, request.method()) && !admittedHolds.carriesPass(request, path)) {
            // the service has enough in flight: shed before the token's first verification, which would cost more
            // than the refusal (a crowd of new sessions, each pushed back and retrying: the waiting room's joins);
            // a challenge the edge issues itself needs no room at the service (5,516 were shed in one run), and a
            // hold with a waiting room's pass may go ahead of the crowd once its token says whose pass it is
            shed(ctx, route);
            return;
        }
        // a first verification may fetch the JWKS over HTTP: never on the event loop
        ctx.vertx().<JsonWebToken>executeBlocking(() -> jwt.parse(token), false).onComplete(verified -> {
            if (verified.failed()) {
                refused(ctx, ip, verified.cause());
            } else {
                authenticated(ctx, route, path, client, verified.result());
            }
        });
    }

    private void refused(RoutingContext ctx, String ip, Throwable cause) {
        if (keysUnreachable(cause)) {
            // the token may well be valid: the user must not be signed out because the JWKS is away
            LOG.warnf("verification keys unreachable for %s from %s: %s", ctx.request().path(), ip, rootMessage(cause));
            metrics.upstreamUnavailable(Upstream.ACCOUNT.serviceName(), "keys");
            reject(ctx, GatewayProblem.UPSTREAM_UNAVAILABLE, retryAfter, Upstream.ACCOUNT.serviceName());
            return;
        }
        LOG.debugf("token refused for %s: %s", ctx.request().path(), rootMessage(cause));
        metrics.rejected("invalid-token", "token");
        reject(ctx, GatewayProblem.INVALID_TOKEN, null);
    }

    private void authenticated(RoutingContext ctx, Route route, String path, ClientAddress client,
            JsonWebToken verified) {
        if (revokedSessions.isRevoked(verified.getClaim(RevokedSessionCheck.SESSION_CLAIM))) {
            // logout, password change or reset, refresh-token reuse: the session ended before the token expired
            metrics.rejected("revoked-session", "token");
            reject(ctx, GatewayProblem.INVALID_TOKEN, null);
            return;
        }
        String account = verified.getSubject() != null ? verified.getSubject() : verified.getName();
        if (limited(ctx, RateLimiter.Scope.ACCOUNT, String.valueOf(account))) {
            return;
        }
        if (challenges.answered(ctx, path, verified)) {
            // a waiting room's proof-of-work challenge: an HMAC for this account, no service needed
            return;
        }
        forward(ctx, route, client, admittedHolds.goesAhead(ctx.request(), path, verified));
    }

    private void forward(RoutingContext ctx, Route route, ClientAddress client) {
        forward(ctx, route, client, false);
    }

    /** Proxies the request if the service has room in flight, or {@code ahead} (an admitted person's hold) anyway. */
    private void forward(RoutingContext ctx, Route route, ClientAddress client, boolean ahead) {
        HttpServerRequest request = ctx.request();
        UpstreamAdmission.Place place = ahead ? admission.admitAhead(route.upstream(), route.publicPath())
                : admission.admit(route.upstream(), route.publicPath());
        if (place == null) {
            shed(ctx, route);
            return;
        }
        ctx.addEndHandler(ended -> {
            place.release();
            if (ctx.response().getStatusCode() != 503) {
                admission.served(route.upstream());
            }
        });
        // a client waiting for "100 Continue" (curl with a large upload) may send its body now that the edge
        // let it through; a refused one never sent it
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            request.headers().remove(HttpHeaders.EXPECT);
            ctx.response().writeContinue();
        }
        proxy.forward(route, request, client, securityHeaders.overTls(request));
    }

    private void shed(RoutingContext ctx, Route route) {
        metrics.rejected("upstream-busy", route.upstream().serviceName());
        problems.send(ctx, CommonProblem.SERVICE_UNAVAILABLE, admission.shedRetryAfter(route.upstream()));
    }

    /** The verification keys (JWKS of account-service) could not be fetched: a network failure in the causes. */
    static boolean keysUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * An attempt limit (login, OTP, registration, password reset, status check): one token per attempt, given back
     * when the answer is 503, whoever shed it (this gateway's in-flight limit, the service's own admission, or no
     * answer in time). In one spike run 9,991 logins were refused by the login limit after their owners had been
     * shed ten times, and account-service's hashing pool stood idle for the last 30 s of the wave. The services'
     * own limits (account-service counts every password it checks, per e-mail) stay what stops guessing.
     */
    private boolean attemptLimited(RoutingContext ctx, RateLimiter.Scope scope, String key) {
        if (limited(ctx, scope, key)) {
            return true;
        }
        ctx.addEndHandler(ended -> {
            if (ctx.response().getStatusCode() == 503) {
                limiter.refund(scope, key);
            }
        });
        return false;
    }

    private boolean limited(RoutingContext ctx, RateLimiter.Scope scope, String key) {
        Optional<Duration> wait = limiter.tryAcquire(scope, key);
        if (wait.isPresent()) {
            metrics.rejected("rate-limited", scope.label());
            reject(ctx, GatewayProblem.RATE_LIMITED, wait.get(), scope.label());
            return true;
        }
        return false;
    }

    private void reject(RoutingContext ctx, id.go.imigrasi.mpaspor.platform.problem.ProblemType type,
            Duration retryAfter, Object... args) {
        // the unread body is discarded, the connection stays usable
        ctx.request().resume();
        problems.send(ctx, type, retryAfter, args);
    }
}
