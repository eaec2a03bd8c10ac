package id.go.imigrasi.mpaspor.upload.client;

import java.net.URI;
import java.time.Duration;

/**
 * Callbacks from one upload, called on the uploading thread. Every method has an empty default, so implement only
 * what you need. A listener must be quick and must not throw.
 */
public interface UploadListener {

    UploadListener NONE = new UploadListener() {
    };

    /** The server created the upload (or {@code resume} was given its URL). */
    default void onCreated(URI uploadUrl) {
    }

    /** The server acknowledged {@code bytesAcknowledged} of {@code totalBytes} (after a PATCH or a HEAD). */
    default void onProgress(long bytesAcknowledged, long totalBytes) {
    }

    /** An attempt failed and the client will try again after {@link RetryNotice#delay()}. */
    default void onRetry(RetryNotice notice) {
    }

    /** Every HTTP exchange, answered or not: for metrics and load tests. */
    default void onExchange(Exchange exchange) {
    }

    /**
     * One retry decision.
     *
     * @param method              the HTTP method that failed (POST, HEAD, PATCH)
     * @param status              the status received, or 0 when there was no answer (connection error, timeout)
     * @param retryAfter          what the server asked for with {@code Retry-After}, or {@code null}
     * @param delay               the wait chosen before the next attempt
     * @param consecutiveFailures failures since the last success, 1-based
     * @param reason              a short human-readable reason
     */
    record RetryNotice(String method, int status, Duration retryAfter, Duration delay, int consecutiveFailures,
            String reason) {
    }

    /**
     * One HTTP exchange.
     *
     * @param method  the HTTP method
     * @param status  the status received, or 0 when there was no answer
     * @param latency from sending the request to receiving the complete answer (or the failure)
     */
    record Exchange(String method, int status, Duration latency) {
    }
}
