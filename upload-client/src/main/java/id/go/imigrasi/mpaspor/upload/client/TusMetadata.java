package id.go.imigrasi.mpaspor.upload.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** Encodes the tus {@code Upload-Metadata} header: {@code key base64(value)} pairs separated by commas. */
public final class TusMetadata {

    private TusMetadata() {
    }

    public static String encode(Map<String, String> metadata) {
        metadata.keySet().forEach(TusMetadata::checkKey);
        return metadata.entrySet().stream()
                .map(e -> e.getValue() == null
                        ? e.getKey()
                        : e.getKey() + " " + Base64.getEncoder()
                                .encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining(","));
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Upload-Metadata key must not be empty");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c == ',' || c > '~') {
                throw new IllegalArgumentException(
                        "Upload-Metadata key must be printable ASCII without spaces or commas: '" + key + "'");
            }
        }
    }
}
