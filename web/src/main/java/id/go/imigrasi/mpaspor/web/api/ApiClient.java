package id.go.imigrasi.mpaspor.web.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.web.WebConfig;
import id.go.imigrasi.mpaspor.web.session.LoginRequired;
import id.go.imigrasi.mpaspor.web.session.Session;
import id.go.imigrasi.mpaspor.web.session.Visit;

/**
 * The website's only way to the system: the gateway's public API. Sends the visitor's language and address,
 * the session's access token (refreshed here when it is about to expire, or once when the API refuses it), and
 * turns a shed answer (429/503 with Retry-After) or no answer into {@link ApiBusy}.
 */
@ApplicationScoped
public class ApiClient {

    private static final Logger LOG = Logger.getLogger(ApiClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiTransport transport;
    private final RefreshFlights flights;
    private final String base;
    private final Duration timeout;
    private final Visit visit;

    public ApiClient(WebConfig config, Visit visit, ApiTransport transport, RefreshFlights flights) {
        this.transport = transport;
        this.flights = flights;
        this.base = config.apiUrl().toString().replaceAll("/+$", "");
        this.timeout = config.apiTimeout();
        this.visit = visit;
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null, true);
    }

    /** GET with headers of its own (the waiting room's {@code Waiting-Room-Ticket}). */
    public ApiResponse get(String path, Map<String, String> headers) {
        return send("GET", path, null, null, true, headers);
    }

    /**
     * The request headers a streamed call (Server-Sent Events) carries, as {@link #get} would send them: the
     * visitor's language and address, and the session's access token. Read on the request's thread.
     */
    public Map<String, List<String>> headersFor(Map<String, String> own) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        own.forEach((name, value) -> out.put(name, List.of(value)));
        decorate(out, true);
        return out;
    }

    /** GET of a binary (the invoice PDF, a QR code). */
    public ApiResponse download(String path, String accept) {
        return send("GET", path, null, accept, true);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, body, null, true);
    }

    /**
     * POST with headers of its own, e.g. an {@code Idempotency-Key} that the caller keeps across its retries (the
     * automatic one after 429/503 included), so a retry answers with what the first request did.
     */
    public ApiResponse post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, null, true, headers);
    }

    /**
     * POST whose 429 is the API's rule, not overload (a mail resent sooner than the API allows: 429
     * {@code mail-resend-too-soon} with the seconds left, which may be minutes): that answer is returned to the page,
     * not thrown as {@link ApiBusy}. A 503 (or no answer) is still the busy page.
     */
    public ApiResponse postAnswering429(String path, Object body) {
        ApiResponse response = send("POST", path, body, null, true, Map.of(), false);
        if (response.shed() && response.status() != 429) {
            throw new ApiBusy(response.retryAfterSeconds());
        }
        return response;
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, body, null, true);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, null, true);
    }

    /** Anonymous call (registration, login, OTP): no token even when the visitor has one. */
    public ApiResponse postAnonymous(String path, Object body) {
        return send("POST", path, body, null, false);
    }

    /** The raw exchange for the upload proxy: the caller decides what to do with any status. */
    public ApiResponse exchange(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(name, List.of(value)));
        decorate(out, true);
        return transport.send(method, uri(path), out, body, Duration.ofMinutes(2));
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private ApiResponse send(String method, String path, Object body, String accept, boolean authenticated) {
        return send(method, path, body, accept, authenticated, Map.of());
    }

    private ApiResponse send(String method, String path, Object body, String accept, boolean authenticated,
            Map<String, String> headers) {
        return send(method, path, body, accept, authenticated, headers, true);
    }

    private ApiResponse send(String method, String path, Object body, String accept, boolean authenticated,
            Map<String, String> headers, boolean shedThrows) {
        ApiResponse response = once(method, path, body, accept, authenticated, headers);
        if (response.status() == 401 && authenticated && visit.loggedIn()) {
            // the access token may have been revoked or have expired early: one refresh, one more try
            if (refresh(visit.session())) {
                response = once(method, path, body, accept, true, headers);
            }
            if (response.status() == 401) {
                visit.session().forgetTokens();
                throw new LoginRequired(visit.path());
            }
        }
        if (response.shed() && shedThrows) {
            throw new ApiBusy(response.retryAfterSeconds());
        }
        if (response.status() >= 500 && !response.shed()) {
            LOG.warnf("API %s %s answered %d", method, path, response.status());
            throw new ApiBusy(5);
        }
        return response;
    }

    private ApiResponse once(String method, String path, Object body, String accept, boolean authenticated) {
        return once(method, path, body, accept, authenticated, Map.of());
    }

    private ApiResponse once(String method, String path, Object body, String accept, boolean authenticated,
            Map<String, String> headers) {
        Map<String, List<String>> request = new LinkedHashMap<>();
        request.put("Accept", List.of(accept == null ? "application/json, application/problem+json" : accept));
        headers.forEach((name, value) -> request.put(name, List.of(value)));
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = JSON.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        } else if ("POST".equals(method) || "PUT".equals(method)) {
            bytes = "{}".getBytes(StandardCharsets.UTF_8);
        }
        if (bytes != null) {
            request.put("Content-Type", List.of("application/json"));
        }
        decorate(request, authenticated);
        try {
            return transport.send(method, uri(path), request, bytes, timeout);
        } catch (IOException e) {
            LOG.warnf("API %s %s did not answer: %s", method, path, e.toString());
            throw new ApiBusy(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiBusy(5);
        }
    }

    private void decorate(Map<String, List<String>> request, boolean authenticated) {
        Session session = visit.session();
        request.put("Accept-Language", List.of(session == null ? "id" : session.language()));
        if (visit.clientAddress() != null) {
            // the visitor's address as the gateway told it: this client's address is a proxy the gateway trusts
            request.put("X-Forwarded-For", List.of(visit.clientAddress()));
        }
        if (authenticated && session != null && session.loggedIn()) {
            if (session.accessToken() == null || Instant.now().isAfter(session.accessExpiresAt())) {
                refresh(session);
            }
            if (session.accessToken() != null) {
                request.put("Authorization", List.of("Bearer " + session.accessToken()));
            }
        }
    }

    /** Exchanges the refresh token for new tokens; false (and logged out) when the API refuses it. */
    boolean refresh(Session session) {
        if (session.refreshToken() == null) {
            return false;
        }
        String token = session.refreshToken();
        // one refresh per token, shared by the requests holding it (rotation: a spent token presented again
        // revokes the session)
        ApiResponse r = flights.refresh(token, timeout,
                () -> once("POST", "/auth/refresh", Map.of("refreshToken", token), null, false));
        if (r.shed()) {
            throw new ApiBusy(r.retryAfterSeconds());
        }
        if (!r.ok()) {
            session.forgetTokens();
            return false;
        }
        remember(session, r.json());
        return true;
    }

    /** Keeps the tokens of a login or refresh answer in the session. */
    public static void remember(Session session, JsonNode tokens) {
        session.tokens(tokens.path("accessToken").asText(null), tokens.path("refreshToken").asText(null),
                tokens.path("expiresIn").asLong(300));
    }
}
