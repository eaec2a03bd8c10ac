package id.go.imigrasi.mpaspor.web.session;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Finds the visitor's session from the cookie (or starts one), and sets the cookie on the way out:
 * {@code HttpOnly; SameSite=Lax; Path=/}, {@code Secure} when the visitor came over TLS (directly or through the
 * gateway's {@code X-Forwarded-Proto}). The cookie holds the session sealed ({@link SessionStore}): encrypted and
 * authenticated, so any instance serves the visitor and the tokens never reach the page.
 */
public class SessionFilters {

    private final SessionStore store;
    private final Visit visit;

    public SessionFilters(SessionStore store, Visit visit) {
        this.store = store;
        this.visit = visit;
    }

    @ServerRequestFilter(preMatching = true)
    public void begin(ContainerRequestContext request, HttpServerRequest http) {
        if (http.path().startsWith("/assets/")) {
            // static files: no session, no cookie (a shared cache may keep them)
            return;
        }
        Cookie cookie = request.getCookies().get(Visit.COOKIE);
        Session session = cookie == null ? null : store.find(cookie.getValue()).orElse(null);
        boolean isNew = session == null;
        if (isNew) {
            session = store.create(preferredLanguage(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        }
        String proto = request.getHeaderString("X-Forwarded-Proto");
        boolean secure = "https".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(http.scheme());
        String forwarded = request.getHeaderString("X-Forwarded-For");
        String peer = http.remoteAddress() == null ? "127.0.0.1" : http.remoteAddress().hostAddress();
        // the gateway sent the chain it vouches for (the visitor, or its trusted proxies' chain with them appended);
        // it goes to the API as it came: appending the gateway's own address would make the gateway the visitor
        // (it is no trusted proxy of itself), and every visitor would share one rate-limit bucket again
        String client = forwarded == null || forwarded.isBlank() ? peer : forwarded;
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        visit.begin(session, isNew, secure, client, query == null ? path : path + "?" + query,
                "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }

    @ServerResponseFilter
    public void end(ContainerResponseContext response) {
        if (visit.session() == null) {
            return;
        }
        if (visit.cookieCleared()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie("", 0));
        } else if (visit.cookieChanged() || visit.session().changed()) {
            // the session travels sealed in its cookie: sealed again whenever it changed
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie(store.seal(visit.session()), -1));
        }
        // pages are personal: never cached by a shared cache, and not kept once the visitor logs out
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(Visit.COOKIE).value(value).path("/").httpOnly(true).secure(visit.secure())
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }

    /** Bahasa Indonesia unless the browser prefers English over it. */
    static String preferredLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "id";
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            String best = Locale.lookupTag(ranges, List.of("id", "en"));
            return best == null ? "id" : best;
        } catch (IllegalArgumentException e) {
            return "id";
        }
    }
}
