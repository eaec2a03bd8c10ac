package id.go.imigrasi.mpaspor.web.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

    private final HttpClient http;
    private final String base;
    private final Duration timeout;
    private final Visit visit;

    public ApiClient(WebConfig config, Visit visit) {
        this.base = config.apiUrl().toString().replaceAll("/+$", "");
        this.timeout = config.apiTimeout();
        this.visit = visit;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null, true);
    }

    /** GET of a binary (the invoice PDF, a QR code). */
    public ApiResponse download(String path, String accept) {
        return send("GET", path, null, accept, true);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, body, null, true);
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, body, null, true);
    }

    /** Anonymous call (registration, login, OTP): no token even when the visitor has one. */
    public ApiResponse postAnonymous(String path, Object body) {
        return send("POST", path, body, null, false);
    }

    /** The raw exchange for the upload proxy: the caller decides what to do with any status. */
    public HttpResponse<byte[]> exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        decorate(request, true);
        return http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private ApiResponse send(String method, String path, Object body, String accept, boolean authenticated) {
        ApiResponse response = once(method, path, body, accept, authenticated);
        if (response.status() == 401 && authenticated && visit.loggedIn()) {
            // the access token may have been revoked or have expired early: one refresh, one more try
            if (refresh(visit.session())) {
                response = once(method, path, body, accept, true);
            }
            if (response.status() == 401) {
                visit.session().forgetTokens();
                throw new LoginRequired(visit.path());
            }
        }
        if (response.shed()) {
            throw new ApiBusy(response.retryAfterSeconds());
        }
        if (response.status() >= 500) {
            LOG.warnf("API %s %s answered %d", method, path, response.status());
            throw new ApiBusy(5);
        }
        return response;
    }

    private ApiResponse once(String method, String path, Object body, String accept, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .header("Accept", accept == null ? "application/json, application/problem+json" : accept);
        if (body != null) {
            try {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        } else if ("POST".equals(method) || "PUT".equals(method)) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        decorate(request, authenticated);
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            LOG.warnf("API %s %s did not answer: %s", method, path, e.toString());
            throw new ApiBusy(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiBusy(5);
        }
    }

    private void decorate(HttpRequest.Builder request, boolean authenticated) {
        Session session = visit.session();
        request.header("Accept-Language", session == null ? "id" : session.language());
        if (visit.clientAddress() != null) {
            request.header("X-Forwarded-For", visit.clientAddress());
        }
        if (authenticated && session != null && session.loggedIn()) {
            if (session.accessToken() == null || Instant.now().isAfter(session.accessExpiresAt())) {
                refresh(session);
            }
            if (session.accessToken() != null) {
                request.header("Authorization", "Bearer " + session.accessToken());
            }
        }
    }

    /** Exchanges the refresh token for new tokens; false (and logged out) when the API refuses it. */
    boolean refresh(Session session) {
        if (session.refreshToken() == null) {
            return false;
        }
        ApiResponse r = once("POST", "/auth/refresh", Map.of("refreshToken", session.refreshToken()), null, false);
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
