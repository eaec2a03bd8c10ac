package id.go.imigrasi.mpaspor.ops.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.ops.config.OpsConfig;

/**
 * Logs an operator in at the public API ({@code POST <api-url>/auth/login}, through the gateway like any client:
 * its rate limits and lockouts apply). The console keeps only the access token, sealed in its cookie.
 */
@ApplicationScoped
public class LoginClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Either the access token, or the API's status and problem detail. */
    public record Result(String accessToken, int status, String detail) {
    }

    private final OpsConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LoginClient(OpsConfig config) {
        this.config = config;
    }

    public Result login(String email, String password, String language) {
        try {
            String body = JSON.writeValueAsString(JSON.createObjectNode().put("email", email).put("password", password));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(config.apiUrl() + "/auth/login"))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("Accept-Language", language)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? JSON.createObjectNode()
                    : JSON.readTree(response.body());
            if (response.statusCode() == 200 && json.hasNonNull("accessToken")) {
                return new Result(json.get("accessToken").asText(), 200, null);
            }
            String detail = json.path("detail").asText(json.path("title").asText("HTTP " + response.statusCode()));
            return new Result(null, response.statusCode(), detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, 503, "interrupted");
        } catch (Exception e) {
            return new Result(null, 503, "The public API did not answer (" + e.getClass().getSimpleName() + ").");
        }
    }
}
