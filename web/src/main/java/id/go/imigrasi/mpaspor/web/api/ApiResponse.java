package id.go.imigrasi.mpaspor.web.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** One answer of the public API: status, headers, body (JSON read on demand). */
public record ApiResponse(int status, HttpHeaders headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public JsonNode json() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Seconds from {@code Retry-After} (a number of seconds; a date or nothing counts as 5). */
    public long retryAfterSeconds() {
        OptionalLong v = headers.firstValueAsLong("Retry-After");
        try {
            return Math.max(1, Math.min(120, v.orElse(5)));
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    /** Seconds from {@code Retry-After} as the API said them (at least 1; 5 when absent or not a number). */
    public long retryAfterExact() {
        try {
            return Math.max(1, headers.firstValueAsLong("Retry-After").orElse(5));
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    public boolean shed() {
        return (status == 429 || status == 503) && headers.firstValue("Retry-After").isPresent();
    }

    public ApiProblem problem() {
        return ApiProblem.of(this);
    }
}
