package id.go.imigrasi.mpaspor.upload.client;

import java.net.URI;
import java.time.Duration;

/**
 * A completed upload.
 *
 * @param uploadUrl the upload's URL on the server (usable with {@link TusUploader#resume})
 * @param bytes     the upload's length, all of it acknowledged by the server
 * @param bytesSent PATCH body bytes this call sent (more than the missing bytes only when chunks had to be re-sent)
 * @param attempts  HTTP requests made
 * @param retries   requests that were repeats after a failure
 * @param elapsed   wall time of the call
 */
public record UploadResult(URI uploadUrl, long bytes, long bytesSent, int attempts, int retries, Duration elapsed) {
}
