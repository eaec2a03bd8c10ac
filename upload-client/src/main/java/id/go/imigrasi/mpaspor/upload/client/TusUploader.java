package id.go.imigrasi.mpaspor.upload.client;

import id.go.imigrasi.mpaspor.upload.client.TusUploadException.Reason;
import id.go.imigrasi.mpaspor.upload.client.UploadListener.Exchange;
import id.go.imigrasi.mpaspor.upload.client.UploadListener.RetryNotice;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Uploads a file to a tus 1.0.0 server (core + creation + checksum): creates the upload, sends it in chunks with a
 * {@code Upload-Checksum: sha256} per chunk, and after any failure asks the server for its offset (HEAD) and
 * continues from there, so acknowledged bytes are never sent twice. Failures worth retrying (429, 503, other 5xx,
 * connection errors, timeouts) are retried politely according to the {@link RetryPolicy} (exponential backoff with
 * full jitter, never sooner than {@code Retry-After}), all within one overall deadline.
 *
 * <pre>{@code
 * TusUploader uploader = TusUploader.builder()
 *         .endpoint(URI.create("https://example.go.id/api/v1/uploads"))
 *         .bearerToken(token)
 *         .chunkSize(256 * 1024)
 *         .deadline(Duration.ofMinutes(10))
 *         .progress(listener)
 *         .build();
 * UploadResult result = uploader.upload(Path.of("ktp.jpg"), Map.of("documentType", "EKTP", ...));
 * }</pre>
 *
 * <p>An uploader is immutable and thread-safe: one instance can run many uploads concurrently (each call blocks its
 * own thread). Share the {@link HttpClient} between uploaders with {@link Builder#httpClient}.
 */
public final class TusUploader {

    public static final String TUS_VERSION = "1.0.0";
    public static final int DEFAULT_CHUNK_SIZE = 256 * 1024;
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A status that is not HTTP: the attempt got no answer (connection refused or cut, timeout). */
    public static final int NO_ANSWER = 0;

    private static final int CHECKSUM_MISMATCH = 460;
    private static final int LOCKED = 423;

    private final HttpClient http;
    private final URI endpoint;
    private final Supplier<String> bearerToken;
    private final int chunkSize;
    private final Duration deadline;
    private final Duration requestTimeout;
    private final boolean expectContinue;
    private final RetryPolicy retryPolicy;
    private final UploadListener listener;
    private final Clock clock;
    private final Sleeper sleeper;

    private TusUploader(Builder b) {
        this.http = b.httpClient != null ? b.httpClient : defaultHttpClient();
        this.endpoint = b.endpoint;
        this.bearerToken = b.bearerToken;
        this.chunkSize = b.chunkSize;
        this.deadline = b.deadline;
        this.requestTimeout = b.requestTimeout;
        this.expectContinue = b.expectContinue;
        this.retryPolicy = b.retryPolicy;
        this.listener = b.listener;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The HTTP client used when none is given: HTTP/1.1 (what tus servers speak), 10 s connect timeout. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Creates an upload for the file and sends all of it. */
    public UploadResult upload(Path file, Map<String, String> metadata) throws TusUploadException {
        Objects.requireNonNull(file, "file");
        return withSource(() -> UploadSource.of(file), null, metadata);
    }

    /** Creates an upload of {@code length} bytes read from {@code in} and sends all of it; closes the stream. */
    public UploadResult upload(InputStream in, long length, Map<String, String> metadata)
            throws TusUploadException {
        Objects.requireNonNull(in, "in");
        return withSource(() -> UploadSource.of(in, length, chunkSize), null, metadata);
    }

    /** Continues an upload created earlier (by this process or another): asks the server for its offset first. */
    public UploadResult resume(URI uploadUrl, Path file) throws TusUploadException {
        Objects.requireNonNull(uploadUrl, "uploadUrl");
        return withSource(() -> UploadSource.of(file), uploadUrl, Map.of());
    }

    /**
     * Continues an upload created earlier. {@code in} must start at byte 0 of the upload; the bytes the server
     * already has are skipped, not sent.
     */
    public UploadResult resume(URI uploadUrl, InputStream in, long length) throws TusUploadException {
        Objects.requireNonNull(uploadUrl, "uploadUrl");
        return withSource(() -> UploadSource.of(in, length, chunkSize), uploadUrl, Map.of());
    }

    /**
     * Terminates an upload (tus termination extension): the server drops it and its bytes. Retried like the other
     * requests; an upload that is already gone (404/410) counts as terminated.
     */
    public void terminate(URI uploadUrl) throws TusUploadException {
        Objects.requireNonNull(uploadUrl, "uploadUrl");
        new Run().terminate(uploadUrl);
    }

    private interface SourceOpener {
        UploadSource open() throws IOException;
    }

    private UploadResult withSource(SourceOpener opener, URI existing, Map<String, String> metadata)
            throws TusUploadException {
        Objects.requireNonNull(metadata, "metadata");
        String encodedMetadata = TusMetadata.encode(metadata);
        Run run = new Run();
        try (UploadSource source = opener.open()) {
            return run.execute(source, existing, encodedMetadata);
        } catch (TusUploadException e) {
            throw e;
        } catch (IOException e) {
            throw run.failure(Reason.SOURCE_ERROR, "cannot read the data to upload: " + e.getMessage(), e);
        }
    }

    /** The state of one upload call: counters, the deadline, and the protocol steps. */
    private final class Run {
        private final Instant started = clock.instant();
        private final Instant deadlineAt = started.plus(deadline);
        private final long startedNanos = System.nanoTime();
        private URI uploadUrl;
        private long acknowledged;
        private long bytesSent;
        private int attempts;
        private int retries;
        private int consecutiveFailures;
        private int lastStatus = NO_ANSWER;
        private String lastProblem = "none";

        UploadResult execute(UploadSource source, URI existing, String metadata) throws IOException {
            long length = source.length();
            boolean needOffset;
            if (existing == null) {
                uploadUrl = create(length, metadata);
                needOffset = false;
            } else {
                uploadUrl = existing;
                needOffset = true;
            }
            listener.onCreated(uploadUrl);
            while (true) {
                if (needOffset) {
                    acknowledged = headOffset(length);
                    listener.onProgress(acknowledged, length);
                    needOffset = false;
                }
                if (acknowledged >= length) {
                    break;
                }
                byte[] chunk = source.chunkAt(acknowledged, chunkSize);
                HttpResponse<String> response = patch(chunk);
                if (response == null) {
                    awaitRetry("PATCH", NO_ANSWER, null, false, lastProblem);
                    needOffset = true;
                    continue;
                }
                int status = response.statusCode();
                if (status == 204 || status == 200) {
                    long newOffset = offsetHeader(response, acknowledged + chunk.length);
                    if (newOffset <= acknowledged || newOffset > acknowledged + chunk.length) {
                        throw failure(Reason.PROTOCOL_ERROR, "PATCH at offset " + acknowledged + " with "
                                + chunk.length + " bytes answered Upload-Offset " + newOffset, null);
                    }
                    acknowledged = newOffset;
                    consecutiveFailures = 0;
                    listener.onProgress(acknowledged, length);
                } else if (status == 409) {
                    // Our offset is not the server's: ask for it and continue from there.
                    awaitRetry("PATCH", status, null, true, "offset mismatch (409), asking the server for its offset");
                    needOffset = true;
                } else if (status == CHECKSUM_MISMATCH) {
                    // The server discarded the chunk: send the same bytes again.
                    awaitRetry("PATCH", status, null, true, "checksum mismatch (460), re-sending the chunk");
                } else if (status == LOCKED || RetryPolicy.isRetryableStatus(status)) {
                    // 423: the server is still busy with an earlier request on this upload (one we gave up on)
                    awaitRetry("PATCH", status, retryAfter(response), false, "server answered " + status);
                    needOffset = true;
                } else {
                    throw refused("PATCH", response);
                }
            }
            return new UploadResult(uploadUrl, length, bytesSent, attempts, retries,
                    Duration.ofNanos(System.nanoTime() - startedNanos));
        }

        void terminate(URI url) throws TusUploadException {
            uploadUrl = url;
            while (true) {
                HttpResponse<String> response = send("DELETE", request(url).DELETE().build(), 0);
                if (response == null) {
                    awaitRetry("DELETE", NO_ANSWER, null, false, lastProblem);
                    continue;
                }
                int status = response.statusCode();
                if (status == 204 || status == 200 || status == 404 || status == 410) {
                    return;
                }
                if (status == LOCKED || RetryPolicy.isRetryableStatus(status)) {
                    awaitRetry("DELETE", status, retryAfter(response), false, "server answered " + status);
                    continue;
                }
                throw refused("DELETE", response);
            }
        }

        private URI create(long length, String metadata) throws TusUploadException {
            while (true) {
                HttpRequest.Builder request = request(endpoint)
                        .header("Upload-Length", Long.toString(length))
                        .POST(BodyPublishers.noBody());
                if (!metadata.isEmpty()) {
                    request.header("Upload-Metadata", metadata);
                }
                HttpResponse<String> response = send("POST", request.build(), 0);
                if (response == null) {
                    awaitRetry("POST", NO_ANSWER, null, false, lastProblem);
                    continue;
                }
                int status = response.statusCode();
                if (status == 201) {
                    Optional<String> location = response.headers().firstValue("Location");
                    if (location.isEmpty() || location.get().isBlank()) {
                        throw failure(Reason.PROTOCOL_ERROR, "POST answered 201 without a Location", null);
                    }
                    consecutiveFailures = 0;
                    return endpoint.resolve(location.get().trim());
                }
                if (RetryPolicy.isRetryableStatus(status)) {
                    awaitRetry("POST", status, retryAfter(response), false, "server answered " + status);
                    continue;
                }
                throw refused("POST", response);
            }
        }

        private long headOffset(long length) throws TusUploadException {
            while (true) {
                HttpRequest request = request(uploadUrl)
                        .header("Cache-Control", "no-store")
                        .method("HEAD", BodyPublishers.noBody())
                        .build();
                HttpResponse<String> response = send("HEAD", request, 0);
                if (response == null) {
                    awaitRetry("HEAD", NO_ANSWER, null, false, lastProblem);
                    continue;
                }
                int status = response.statusCode();
                if (status == 200 || status == 204) {
                    long offset = offsetHeader(response, -1);
                    if (offset < 0 || offset > length) {
                        throw failure(Reason.PROTOCOL_ERROR, "HEAD answered Upload-Offset "
                                + response.headers().firstValue("Upload-Offset").orElse("(none)")
                                + " for an upload of " + length + " bytes", null);
                    }
                    Optional<String> serverLength = response.headers().firstValue("Upload-Length");
                    if (serverLength.isPresent() && !serverLength.get().trim().equals(Long.toString(length))) {
                        throw failure(Reason.PROTOCOL_ERROR, "the server's upload is " + serverLength.get()
                                + " bytes long but the data to send is " + length + " bytes", null);
                    }
                    // not a reset of consecutiveFailures: only progress proves the server is healthy again
                    return offset;
                }
                if (RetryPolicy.isRetryableStatus(status)) {
                    awaitRetry("HEAD", status, retryAfter(response), false, "server answered " + status);
                    continue;
                }
                throw refused("HEAD", response);
            }
        }

        private HttpResponse<String> patch(byte[] chunk) throws TusUploadException {
            HttpRequest request = request(uploadUrl)
                    .header("Content-Type", "application/offset+octet-stream")
                    .header("Upload-Offset", Long.toString(acknowledged))
                    .header("Upload-Checksum", "sha256 " + sha256Base64(chunk))
                    // when on, the server decides on admission from the headers: a refused chunk never travels
                    .expectContinue(expectContinue)
                    .method("PATCH", BodyPublishers.ofByteArray(chunk))
                    .build();
            return send("PATCH", request, chunk.length);
        }

        private HttpRequest.Builder request(URI uri) throws TusUploadException {
            Duration remaining = Duration.between(clock.instant(), deadlineAt);
            if (remaining.isNegative() || remaining.isZero()) {
                throw deadlineExceeded();
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(remaining.compareTo(requestTimeout) < 0 ? remaining : requestTimeout)
                    .header("Tus-Resumable", TUS_VERSION);
            if (bearerToken != null) {
                String token = bearerToken.get();
                if (token != null && !token.isBlank()) {
                    builder.header("Authorization", "Bearer " + token);
                }
            }
            return builder;
        }

        /** Sends one request; {@code null} means no answer (the problem is in {@link #lastProblem}). */
        private HttpResponse<String> send(String method, HttpRequest request, int bodyBytes)
                throws TusUploadException {
            attempts++;
            bytesSent += bodyBytes;
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
                lastStatus = response.statusCode();
                lastProblem = method + " answered " + lastStatus;
                listener.onExchange(new Exchange(method, lastStatus, Duration.ofNanos(System.nanoTime() - t0)));
                return response;
            } catch (IOException e) {
                lastStatus = NO_ANSWER;
                lastProblem = method + " got no answer: " + e;
                listener.onExchange(new Exchange(method, NO_ANSWER, Duration.ofNanos(System.nanoTime() - t0)));
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(Reason.INTERRUPTED, "interrupted during " + method, e);
            }
        }

        /**
         * Records a failure and waits before the next attempt, or fails when that wait would pass the deadline.
         *
         * @param immediateFirst retry at once when this is the first failure in a row (409 and 460: the server is
         *                       healthy, only this request was wrong)
         */
        private void awaitRetry(String method, int status, Duration retryAfter, boolean immediateFirst,
                String reason) throws TusUploadException {
            consecutiveFailures++;
            lastStatus = status;
            lastProblem = reason;
            Duration wait = immediateFirst && consecutiveFailures == 1
                    ? Duration.ZERO
                    : retryPolicy.delay(consecutiveFailures, retryAfter);
            Instant now = clock.instant();
            if (!now.plus(wait).isBefore(deadlineAt)) {
                throw deadlineExceeded();
            }
            retries++;
            listener.onRetry(new RetryNotice(method, status, retryAfter, wait, consecutiveFailures, reason));
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(Reason.INTERRUPTED, "interrupted while waiting to retry " + method, e);
            }
        }

        private Duration retryAfter(HttpResponse<?> response) {
            return RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                    .orElse(null);
        }

        private TusUploadException deadlineExceeded() {
            return failure(Reason.DEADLINE_EXCEEDED, "upload not completed within the deadline of " + deadline
                    + ": last status " + lastStatus + " (" + lastProblem + ")", null);
        }

        private TusUploadException refused(String method, HttpResponse<String> response) {
            int status = response.statusCode();
            lastStatus = status;
            Reason reason = status == 404 || status == 410 ? Reason.UPLOAD_GONE : Reason.REJECTED;
            String body = response.body() == null ? "" : response.body().strip();
            if (body.length() > 500) {
                body = body.substring(0, 500) + "...";
            }
            return failure(reason, method + " refused with " + status + (body.isEmpty() ? "" : ": " + body), null);
        }

        TusUploadException failure(Reason reason, String message, Throwable cause) {
            String full = message + " [upload " + (uploadUrl == null ? "not created" : uploadUrl) + ", "
                    + acknowledged + " bytes acknowledged, " + attempts + " attempts, " + retries + " retries]";
            return new TusUploadException(reason, full, lastStatus, uploadUrl, acknowledged, attempts, cause);
        }
    }

    private static long offsetHeader(HttpResponse<?> response, long fallback) {
        Optional<String> value = response.headers().firstValue("Upload-Offset");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String sha256Base64(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Configures a {@link TusUploader}; only {@link #endpoint} is required. */
    public static final class Builder {
        private HttpClient httpClient;
        private URI endpoint;
        private Supplier<String> bearerToken;
        private int chunkSize = DEFAULT_CHUNK_SIZE;
        private Duration deadline = DEFAULT_DEADLINE;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private boolean expectContinue;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private UploadListener listener = UploadListener.NONE;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder() {
        }

        /** The creation URL (where POST creates uploads), e.g. {@code https://host/api/v1/uploads}. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        public Builder bearerToken(String token) {
            this.bearerToken = token == null ? null : () -> token;
            return this;
        }

        /** A token read before every request, so a refreshed token is picked up during a long upload. */
        public Builder bearerToken(Supplier<String> token) {
            this.bearerToken = token;
            return this;
        }

        /** Bytes per PATCH (default 256 KiB); also the memory one upload holds. */
        public Builder chunkSize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("chunkSize must be positive: " + bytes);
            }
            this.chunkSize = bytes;
            return this;
        }

        /** The time one {@code upload}/{@code resume} call may take, retries and waits included (default 10 min). */
        public Builder deadline(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive: " + deadline);
            }
            this.deadline = deadline;
            return this;
        }

        /** The most one HTTP request may take (default 30 s); always cut to what is left of the deadline. */
        public Builder requestTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive: " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * Whether a PATCH carries {@code Expect: 100-continue}: the body is sent only after the server's
         * {@code 100 Continue}, so a chunk refused with 429/503 costs a header exchange, not its bytes (our server
         * decides admission before it answers 100). <b>Off by default</b>: the JDK 17 {@code HttpClient} never
         * completes an exchange whose answer to the expectation is a final status instead of 100 - it reads the
         * body twice and hangs, ignoring the request timeout (JDK-8286171, measured on 17.0.15). Turn it on only
         * on a runtime where that is fixed.
         */
        public Builder expectContinue(boolean expectContinue) {
            this.expectContinue = expectContinue;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        public Builder progress(UploadListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Share one client between uploaders (connection pool, selector thread). Use HTTP/1.1. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /** The clock the deadline is measured with (tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How waits between attempts are done (tests). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public TusUploader build() {
            if (endpoint == null) {
                throw new IllegalStateException("endpoint is required");
            }
            return new TusUploader(this);
        }
    }
}
