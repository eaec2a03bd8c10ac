package id.go.imigrasi.mpaspor.ops.rest;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import id.go.imigrasi.mpaspor.ops.Operator;
import id.go.imigrasi.mpaspor.ops.OpsProblem;
import id.go.imigrasi.mpaspor.ops.session.OpsSession;
import id.go.imigrasi.mpaspor.ops.session.Sessions;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.RevokedSessionCheck;
import id.go.imigrasi.mpaspor.platform.security.RevokedSessions;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Who may use the console: a JWT of account-service with the group {@code ops} or {@code admin}, verified exactly
 * as the services verify theirs (SmallRye JWT: RS256 against the same public key, issuer, expiry, and the platform's
 * revoked sessions). The token comes from the console's sealed session cookie (a browser that logged in at
 * {@code /ops/login}) or as {@code Authorization: Bearer} (scripts). Without one, a page request goes to the login
 * form and anything else gets 401; with a token of another role, 403 {@code ops-only}.
 */
@ApplicationScoped
public class ConsoleAccess {

    static final Set<String> ALLOWED = Set.of(Roles.OPS, Roles.ADMIN);

    private final JWTParser parser;
    private final RevokedSessions revoked;
    private final Sessions sessions;
    private final Visit visit;

    public ConsoleAccess(JWTParser parser, RevokedSessions revoked, Sessions sessions, Visit visit) {
        this.parser = parser;
        this.revoked = revoked;
        this.sessions = sessions;
        this.visit = visit;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/ops") && !path.startsWith("/ops/")) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookies().get(OpsSession.COOKIE);
        OpsSession session = cookie == null ? null : sessions.open(cookie.getValue()).orElse(null);
        boolean isNew = session == null;
        if (isNew) {
            session = sessions.anonymous();
        } else if (session.loggedIn()) {
            session = sessions.touched(session);
            isNew = true; // sealed again with its new "last used"
        }
        String proto = request.getHeaderString("X-Forwarded-Proto");
        visit.begin(session, isNew, "https".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(
                request.getUriInfo().getRequestUri().getScheme()));
        if (path.equals("/ops/login")) {
            return Optional.empty();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : session.accessToken();
        if (token == null) {
            if (pageRequest(request)) {
                return Optional.of(toLogin());
            }
            throw new UnauthorizedException();
        }
        Operator operator;
        try {
            operator = verify(token);
        } catch (UnauthorizedException e) {
            if (authorization == null) {
                visit.clear(sessions.anonymous()); // expired or revoked: log in again
                if (pageRequest(request)) {
                    return Optional.of(toLogin());
                }
            }
            throw e;
        }
        if (operator == null) {
            throw ProblemException.of(OpsProblem.OPS_ONLY);
        }
        visit.operator(operator);
        return Optional.empty();
    }

    /** The operator of a valid token, null when the token is valid but of another role; 401 when not valid. */
    public Operator verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw new UnauthorizedException();
        }
        Object sid = jwt.getClaim(RevokedSessionCheck.SESSION_CLAIM);
        if (sid != null && revoked.isRevoked(sid.toString())) {
            throw new UnauthorizedException();
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        if (groups.stream().noneMatch(ALLOWED::contains)) {
            return null;
        }
        String email = jwt.getClaim("upn") == null ? jwt.getName() : jwt.getClaim("upn").toString();
        return new Operator(jwt.getSubject(), email, groups);
    }

    @ServerResponseFilter
    public void cookie(ContainerResponseContext response) {
        if (visit.session() == null || !visit.changed()) {
            return;
        }
        NewCookie.Builder cookie = new NewCookie.Builder(OpsSession.COOKIE).path("/ops").httpOnly(true)
                .secure(visit.secure()).sameSite(NewCookie.SameSite.STRICT);
        // a logout leaves an anonymous session (with a fresh CSRF token for the login form) in place of the old one
        cookie.value(sessions.seal(visit.session())).maxAge(-1);
        response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie.build());
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static boolean pageRequest(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return "GET".equals(request.getMethod()) && accept != null && accept.contains(MediaType.TEXT_HTML);
    }

    private static Response toLogin() {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, URI.create("/ops/login")).build();
    }
}
