package id.go.imigrasi.mpaspor.upload.bench;

import id.go.imigrasi.mpaspor.upload.client.RetryAfter;
import id.go.imigrasi.mpaspor.upload.client.TusUploader;
import id.go.imigrasi.mpaspor.upload.client.UploadResult;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Checks that what the server holds is what the client sent, after an upload completed. Plug your own when the
 * server exposes the content's digest some other way (an API, the storage directly, the DocumentUploaded event).
 */
@FunctionalInterface
public interface UploadVerifier {

    enum Verdict { VERIFIED, CORRUPTED, UNVERIFIED }

    /**
     * @param result      the completed upload
     * @param localSha256 the SHA-256 of the bytes the client sent, lowercase hex
     * @param identity    the client that uploaded it (its token may be needed to ask)
     */
    Verdict verify(UploadResult result, String localSha256, ClientIdentity identity);

    /** Verifies nothing: every upload counts as unverified. */
    UploadVerifier NONE = (result, sha, identity) -> Verdict.UNVERIFIED;

    /**
     * Asks the server with a HEAD on the upload URL and compares the digest in {@code header} (hex, or base64 of the
     * raw digest, optionally prefixed {@code sha256 }) with the local one; unverified when the header is absent.
     */
    static UploadVerifier headHeader(HttpClient http, String header) {
        return (result, localSha256, identity) -> {
            HttpRequest.Builder head = HttpRequest.newBuilder(result.uploadUrl())
                    .timeout(Duration.ofSeconds(30))
                    .header("Tus-Resumable", TusUploader.TUS_VERSION)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody());
            if (identity.bearerToken() != null) {
                head.header("Authorization", "Bearer " + identity.bearerToken());
            }
            try {
                HttpResponse<Void> response = http.send(head.build(), HttpResponse.BodyHandlers.discarding());
                // a server that sheds load refuses HEADs too: come back when it says, a few times
                for (int attempt = 1; attempt < 10 && (response.statusCode() == 503 || response.statusCode() == 429);
                        attempt++) {
                    Duration wait = response.headers().firstValue("Retry-After")
                            .flatMap(v -> RetryAfter.parse(v, Instant.now())).orElse(Duration.ofSeconds(1));
                    Thread.sleep(wait.toMillis() + ThreadLocalRandom.current().nextLong(1 + wait.toMillis() / 5));
                    response = http.send(head.build(), HttpResponse.BodyHandlers.discarding());
                }
                Optional<String> value = response.headers().firstValue(header);
                if (response.statusCode() / 100 != 2 || value.isEmpty()) {
                    return Verdict.UNVERIFIED;
                }
                return sameDigest(value.get(), localSha256) ? Verdict.VERIFIED : Verdict.CORRUPTED;
            } catch (IOException e) {
                return Verdict.UNVERIFIED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Verdict.UNVERIFIED;
            }
        };
    }

    private static boolean sameDigest(String remote, String localHex) {
        String v = remote.strip();
        if (v.regionMatches(true, 0, "sha256 ", 0, 7)) {
            v = v.substring(7).strip();
        }
        if (v.equalsIgnoreCase(localHex)) {
            return true;
        }
        try {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(v)).equalsIgnoreCase(localHex);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
