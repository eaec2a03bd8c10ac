package id.go.imigrasi.mpaspor.upload.client;

import java.net.URI;
import java.time.Duration;

/**
 * A completed upload.
 *
 * @param uploadUrl the upload's URL on the server (usable with {@link TusUploader#resume})
 * @param bytes     the upload's length, all of it acknowledged by the server
 * @param bytesSent body bytes put on the wire by this call (more than what was needed only when chunks were re-sent)
 * @param attempts  HTTP requests made
 * @param retries   requests that were repeats after a failure
 * @param elapsed   wall time of the call
 */
public record UploadResult(URI uploadUrl, long bytes, long bytesSent, int attempts, int retries, Duration elapsed) {
}
