package id.go.imigrasi.mpaspor.web.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Sends a whole file, received by the website's plain upload form, to the API's tus endpoint as the browser's
 * tus-js-client would: {@code POST /uploads} with {@code Tus-Resumable: 1.0.0}, {@code Upload-Length} and
 * {@code Upload-Metadata}, then the bytes in one {@code PATCH} at {@code Upload-Offset: 0}. Through
 * {@link ApiClient#exchange}, so with the session's token. Call it from a worker thread (the page's), never the event
 * loop: {@link ApiTransport} waits for each answer.
 * <p>
 * A connection that fails before its answer (a pooled one the gateway had just closed) is no reason to give up:
 * the creation is sent once more (at worst a second, empty upload, which expires), and the bytes go on from the
 * offset the API reports ({@code HEAD}), as tus-js-client resumes.
 */
@ApplicationScoped
public class TusSender {

    private static final Logger LOG = Logger.getLogger(TusSender.class);
    private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    static final String TUS_VERSION = "1.0.0";

    private final ApiClient api;

    public TusSender(ApiClient api) {
        this.api = api;
    }

    /**
     * The API's last answer: 2xx when every byte is stored, otherwise the answer that stopped it (a problem, a
     * 429/503 with Retry-After, a 401) for the page to show. {@link IOException} when the API did not answer twice.
     */
    public ApiResponse send(Map<String, String> metadata, byte[] file) throws IOException, InterruptedException {
        Map<String, String> creation = new LinkedHashMap<>();
        creation.put("Tus-Resumable", TUS_VERSION);
        creation.put("Upload-Length", String.valueOf(file.length));
        creation.put("Upload-Metadata", metadata(metadata));
        ApiResponse created;
        try {
            created = api.exchange("POST", "/uploads", creation, null);
        } catch (IOException lost) {
            LOG.infof("upload creation: no answer (%s), once more", lost.toString());
            created = api.exchange("POST", "/uploads", creation, null);
        }
        if (created.status() != 201) {
            return created;
        }
        String path = uploadPath(created.header("Location"));
        if (path == null) {
            throw new IOException("the API created an upload without a usable Location: " + created.header("Location"));
        }
        long offset = 0;
        for (int attempt = 0;; attempt++) {
            ApiResponse sent = null;
            try {
                byte[] rest = offset == 0 ? file : Arrays.copyOfRange(file, (int) offset, file.length);
                sent = api.exchange("PATCH", path, chunkHeaders(offset), rest);
            } catch (IOException lost) {
                if (attempt > 0) {
                    throw lost;
                }
                LOG.infof("upload %s: no answer to the bytes (%s), resuming from the API's offset", path, lost);
            }
            if (sent != null && !sent.ok()) {
                return sent;
            }
            if (sent != null) {
                offset = offset(sent, offset);
                if (offset >= file.length) {
                    return sent;
                }
            }
            if (attempt > 0) {
                throw new IOException("upload " + path + " stopped at " + offset + " of " + file.length + " bytes");
            }
            ApiResponse where = api.exchange("HEAD", path, Map.of("Tus-Resumable", TUS_VERSION), null);
            if (!where.ok()) {
                return where;
            }
            offset = offset(where, offset);
            if (offset >= file.length) {
                return where;
            }
        }
    }

    private static Map<String, String> chunkHeaders(long offset) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Tus-Resumable", TUS_VERSION);
        headers.put("Upload-Offset", String.valueOf(offset));
        headers.put("Content-Type", "application/offset+octet-stream");
        return headers;
    }

    private static long offset(ApiResponse answer, long otherwise) {
        try {
            return Long.parseLong(answer.header("Upload-Offset"));
        } catch (NumberFormatException | NullPointerException unreadable) {
            return otherwise;
        }
    }

    /** tus metadata: {@code key base64(value)} pairs, comma-separated, in the order given. */
    static String metadata(Map<String, String> values) {
        StringJoiner out = new StringJoiner(",");
        values.forEach((key, value) -> out.add(key + " "
                + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        return out.toString();
    }

    /** The API path of the upload the creation named ({@code .../api/v1/uploads/<id>} or {@code /uploads/<id>}). */
    static String uploadPath(String location) {
        if (location == null) {
            return null;
        }
        String path;
        try {
            path = URI.create(location).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null) {
            return null;
        }
        String id = path.substring(path.lastIndexOf('/') + 1);
        return UPLOAD_ID.matcher(id).matches() ? "/uploads/" + id : null;
    }
}
