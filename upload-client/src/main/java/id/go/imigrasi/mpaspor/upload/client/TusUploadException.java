package id.go.imigrasi.mpaspor.upload.client;

import java.io.IOException;
import java.net.URI;

/**
 * An upload that did not complete. It carries what the caller needs to decide what to do next: why, the last HTTP
 * status seen (0 when the last attempt got no answer), how far the server got, and the upload URL to
 * {@link TusUploader#resume resume} later when there is one.
 */
public class TusUploadException extends IOException {

    /** Why the upload stopped. */
    public enum Reason {
        /** The overall deadline passed (or the next wait would pass it) while the server kept failing. */
        DEADLINE_EXCEEDED,
        /** The server refused the request in a way retrying cannot fix (4xx other than 408/409/429/460). */
        REJECTED,
        /** The upload no longer exists on the server (404/410): expired or terminated. */
        UPLOAD_GONE,
        /** The server violated the protocol (missing Location, offset out of range, ...). */
        PROTOCOL_ERROR,
        /** The local data could not be read, or is shorter than its declared length. */
        SOURCE_ERROR,
        /** The uploading thread was interrupted. */
        INTERRUPTED
    }

    private final Reason reason;
    private final int lastStatus;
    private final URI uploadUrl;
    private final long bytesAcknowledged;
    private final int attempts;

    public TusUploadException(Reason reason, String message, int lastStatus, URI uploadUrl, long bytesAcknowledged,
            int attempts, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.lastStatus = lastStatus;
        this.uploadUrl = uploadUrl;
        this.bytesAcknowledged = bytesAcknowledged;
        this.attempts = attempts;
    }

    public Reason reason() {
        return reason;
    }

    /** The last HTTP status received, or 0 when the last attempt got no answer at all. */
    public int lastStatus() {
        return lastStatus;
    }

    /** The upload URL, or {@code null} when the upload was never created. */
    public URI uploadUrl() {
        return uploadUrl;
    }

    public long bytesAcknowledged() {
        return bytesAcknowledged;
    }

    public int attempts() {
        return attempts;
    }
}
