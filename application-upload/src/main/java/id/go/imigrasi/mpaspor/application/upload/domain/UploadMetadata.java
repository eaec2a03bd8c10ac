package id.go.imigrasi.mpaspor.application.upload.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/**
 * The tus {@code Upload-Metadata} header: comma-separated pairs of a key and a Base64-encoded value (a key may
 * come without value). Keys are unique and contain neither spaces nor commas.
 */
public final class UploadMetadata {

    public static final String HEADER = "Upload-Metadata";

    private final Map<String, String> values;

    private UploadMetadata(Map<String, String> values) {
        this.values = values;
    }

    /** Parses the header; a malformed one is a 400 naming the header. */
    public static UploadMetadata parse(String header) {
        Map<String, String> values = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return new UploadMetadata(values);
        }
        for (String pair : header.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                throw ProblemException.invalid(HEADER, "upload.validation.metadata-malformed");
            }
            int space = trimmed.indexOf(' ');
            String key = space < 0 ? trimmed : trimmed.substring(0, space);
            String encoded = space < 0 ? "" : trimmed.substring(space + 1).trim();
            if (key.isEmpty() || encoded.contains(" ") || values.containsKey(key)) {
                throw ProblemException.invalid(HEADER, "upload.validation.metadata-malformed");
            }
            try {
                values.put(key, new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                throw ProblemException.invalid(HEADER + "." + key, "upload.validation.metadata-not-base64");
            }
        }
        return new UploadMetadata(values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /** The first of the given keys that has a value (clients name the file differently). */
    public Optional<String> first(String... keys) {
        for (String key : keys) {
            Optional<String> value = get(key);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }
}
