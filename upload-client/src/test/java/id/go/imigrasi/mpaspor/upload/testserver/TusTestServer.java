package id.go.imigrasi.mpaspor.upload.testserver;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A real tus 1.0.0 server (core + creation + checksum + termination) on the JDK's HTTP server, storing uploads in a
 * temporary directory, with fault injection for the client's tests: the next PATCH/HEAD/POST requests can be
 * answered with a status (and {@code Retry-After}), cut mid-body, have their answer lost after the bytes were
 * stored, be corrupted (checksum mismatch), or be stalled past the client's timeout.
 *
 * <p>Bytes are only counted as received after they are written and forced to disk. A chunk carrying an
 * {@code Upload-Checksum} is verified before it is appended; a mismatching chunk is discarded (460). A PATCH cut
 * mid-body keeps the bytes received when {@link #keepPartialChunks} is on (what the real server promises), and
 * discards them otherwise (a partial chunk cannot match its checksum).
 *
 * <p>Finished uploads expose the SHA-256 of their content in the {@value #SHA256_HEADER} header of HEAD answers,
 * which the benchmark uses to detect corruption.
 */
public final class TusTestServer implements AutoCloseable {

    public static final String SHA256_HEADER = "Upload-Sha256";
    public static final String BASE_PATH = "/files";

    /** What to do to one request instead of (or after) serving it normally. */
    public sealed interface Fault {
        /** Read and discard the body, then answer with {@code status} and, when not null, {@code Retry-After}. */
        record Status(int status, String retryAfter) implements Fault {
        }

        /** Answer at once, without reading the body, and close the connection (a server shedding load fast). */
        record ShedEarly(int status, String retryAfter) implements Fault {
        }

        /** Read {@code bytes} of the body, then close the connection without an answer. */
        record CutMidBody(int bytes) implements Fault {
        }

        /** Serve the request normally (bytes stored), then close the connection instead of answering. */
        record LoseAnswer() implements Fault {
        }

        /** Flip one byte of the chunk as it arrives, so its checksum does not match. */
        record Corrupt() implements Fault {
        }

        /** Accept the chunk (its checksum matches) but store it with one byte flipped: a server bug. */
        record StoreCorrupted() implements Fault {
        }

        /** Hold the request for a while before serving it (longer than the client's timeout). */
        record Stall(Duration duration) implements Fault {
        }

        static Fault status(int status) {
            return new Status(status, null);
        }

        static Fault status(int status, String retryAfter) {
            return new Status(status, retryAfter);
        }
    }

    /** One upload's state. */
    public static final class Upload {
        final String id;
        final long length;
        final Map<String, String> metadata;
        final String authorization;
        final Path file;
        final ReentrantLock lock = new ReentrantLock();
        final AtomicLong bodyBytesReceived = new AtomicLong();
        volatile long offset;

        Upload(String id, long length, Map<String, String> metadata, String authorization, Path file) {
            this.id = id;
            this.length = length;
            this.metadata = metadata;
            this.authorization = authorization;
            this.file = file;
        }

        public long offset() {
            return offset;
        }

        public long length() {
            return length;
        }

        public Map<String, String> metadata() {
            return metadata;
        }

        public String authorization() {
            return authorization;
        }

        /** PATCH body bytes the server read for this upload, kept or not: shows what was re-sent. */
        public long bodyBytesReceived() {
            return bodyBytesReceived.get();
        }

        public byte[] content() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String sha256Hex() {
            return HexFormat.of().formatHex(sha256(content()));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path storage;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<String, Queue<Fault>> faults = new ConcurrentHashMap<>();
    private final AtomicInteger patchesInFlight = new AtomicInteger();
    private final AtomicInteger shed = new AtomicInteger();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final List<String> requestLog = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean keepPartialChunks;
    private boolean closed;
    private volatile int maxConcurrentPatches = Integer.MAX_VALUE;

    private TusTestServer(int threads) throws IOException {
        this.storage = Files.createTempDirectory("tus-test-server");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "tus-test-server", 256 * 1024);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(BASE_PATH, this::handle);
        server.start();
    }

    /** Starts a server on an ephemeral loopback port. */
    public static TusTestServer start() throws IOException {
        return start(16);
    }

    /** Starts a server with {@code threads} request threads. */
    public static TusTestServer start(int threads) throws IOException {
        return new TusTestServer(threads);
    }

    /** The creation URL. */
    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + BASE_PATH);
    }

    /** Keep the bytes of a PATCH cut mid-body even though its checksum cannot be verified. */
    public TusTestServer keepPartialChunks(boolean keep) {
        this.keepPartialChunks = keep;
        return this;
    }

    /** Past this many concurrent PATCHes, answer 503 with {@code Retry-After: 1} at once. */
    public TusTestServer maxConcurrentPatches(int max) {
        this.maxConcurrentPatches = max;
        return this;
    }

    /** The next requests with this method get these faults, one each, in order. */
    public TusTestServer inject(String method, Fault... next) {
        Queue<Fault> queue = faults.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>());
        queue.addAll(List.of(next));
        return this;
    }

    public Upload upload(URI uploadUrl) {
        String path = uploadUrl.getPath();
        Upload upload = uploads.get(path.substring(path.lastIndexOf('/') + 1));
        if (upload == null) {
            throw new IllegalArgumentException("no upload " + uploadUrl);
        }
        return upload;
    }

    public List<Upload> uploads() {
        return List.copyOf(uploads.values());
    }

    /** "METHOD status" for every request answered or cut, in order. */
    public List<String> requestLog() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    public int shedCount() {
        return shed.get();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
            try (var files = Files.walk(storage)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | InterruptedException ignored) {
            // a temp directory left behind is harmless
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        if ("POST".equals(method) && override != null) {
            // clients whose HTTP stack has no PATCH (HttpURLConnection, so tus-java-client) tunnel it through POST
            method = override.trim().toUpperCase(java.util.Locale.ROOT);
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Tus-Resumable", "1.0.0");
            Fault fault = nextFault(method);
            if (fault instanceof Fault.Stall stall) {
                stopping.await(stall.duration().toMillis(), TimeUnit.MILLISECONDS);
                fault = null;
            }
            if (fault instanceof Fault.Status s) {
                drain(exchange.getRequestBody());
                if (s.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", s.retryAfter());
                }
                respond(exchange, method, s.status());
                return;
            }
            if (fault instanceof Fault.ShedEarly s) {
                shedEarly(exchange, method, s.status(), s.retryAfter());
                return;
            }
            if (fault instanceof Fault.CutMidBody && !"PATCH".equals(method)) {
                drop(exchange, method);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String id = path.length() > BASE_PATH.length() + 1 ? path.substring(BASE_PATH.length() + 1) : "";
            switch (method) {
                case "OPTIONS" -> options(exchange);
                case "POST" -> create(exchange, id, fault);
                case "HEAD" -> head(exchange, id, fault);
                case "PATCH" -> patch(exchange, id, fault);
                case "DELETE" -> delete(exchange, id);
                default -> respond(exchange, method, 405);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Fault nextFault(String method) {
        Queue<Fault> queue = faults.get(method);
        return queue == null ? null : queue.poll();
    }

    private void options(HttpExchange exchange) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Tus-Version", "1.0.0");
        h.set("Tus-Extension", "creation,checksum,termination");
        h.set("Tus-Checksum-Algorithm", "sha1,sha256");
        h.set("Tus-Max-Size", Long.toString(1L << 30));
        respond(exchange, "OPTIONS", 204);
    }

    private void create(HttpExchange exchange, String id, Fault fault) throws IOException {
        drain(exchange.getRequestBody());
        String lengthHeader = exchange.getRequestHeaders().getFirst("Upload-Length");
        if (!id.isEmpty() || lengthHeader == null || !lengthHeader.matches("\\d{1,12}")) {
            respond(exchange, "POST", 400);
            return;
        }
        String uploadId = UUID.randomUUID().toString().replace("-", "");
        Path file = storage.resolve(uploadId);
        Files.createFile(file);
        Upload upload = new Upload(uploadId, Long.parseLong(lengthHeader),
                parseMetadata(exchange.getRequestHeaders().getFirst("Upload-Metadata")),
                exchange.getRequestHeaders().getFirst("Authorization"), file);
        uploads.put(uploadId, upload);
        if (fault instanceof Fault.LoseAnswer) {
            drop(exchange, "POST");
            return;
        }
        exchange.getResponseHeaders().set("Location", BASE_PATH + "/" + uploadId);
        respond(exchange, "POST", 201);
    }

    private void head(HttpExchange exchange, String id, Fault fault) throws IOException {
        Upload upload = uploads.get(id);
        if (upload == null) {
            respond(exchange, "HEAD", 404);
            return;
        }
        if (fault instanceof Fault.LoseAnswer) {
            drop(exchange, "HEAD");
            return;
        }
        Headers h = exchange.getResponseHeaders();
        h.set("Upload-Offset", Long.toString(upload.offset));
        h.set("Upload-Length", Long.toString(upload.length));
        h.set("Cache-Control", "no-store");
        if (upload.offset == upload.length) {
            h.set(SHA256_HEADER, upload.sha256Hex());
        }
        respond(exchange, "HEAD", 200);
    }

    private void delete(HttpExchange exchange, String id) throws IOException {
        Upload upload = uploads.remove(id);
        if (upload == null) {
            respond(exchange, "DELETE", 404);
            return;
        }
        Files.deleteIfExists(upload.file);
        respond(exchange, "DELETE", 204);
    }

    private void patch(HttpExchange exchange, String id, Fault fault) throws IOException {
        if (patchesInFlight.incrementAndGet() > maxConcurrentPatches) {
            try {
                shed.incrementAndGet();
                shedEarly(exchange, "PATCH", 503, "1");
                return;
            } finally {
                patchesInFlight.decrementAndGet();
            }
        }
        try {
            patchAdmitted(exchange, id, fault);
        } finally {
            patchesInFlight.decrementAndGet();
        }
    }

    private void patchAdmitted(HttpExchange exchange, String id, Fault fault) throws IOException {
        Upload upload = uploads.get(id);
        if (upload == null) {
            drain(exchange.getRequestBody());
            respond(exchange, "PATCH", 404);
            return;
        }
        Headers req = exchange.getRequestHeaders();
        if (!"application/offset+octet-stream".equals(req.getFirst("Content-Type"))) {
            drain(exchange.getRequestBody());
            respond(exchange, "PATCH", 415);
            return;
        }
        if (!upload.lock.tryLock()) {
            drain(exchange.getRequestBody());
            respond(exchange, "PATCH", 423);
            return;
        }
        int status;
        try {
            status = patchLocked(exchange, upload, fault);
        } finally {
            upload.lock.unlock();
        }
        // answered after the lock is released, so the client's next PATCH never finds it still held
        if (status == 0) {
            drop(exchange, "PATCH");
        } else {
            respond(exchange, "PATCH", status);
        }
    }

    /** @return the status to answer, or 0 to close the connection without an answer */
    private int patchLocked(HttpExchange exchange, Upload upload, Fault fault) throws IOException {
        Headers req = exchange.getRequestHeaders();
        String offsetHeader = req.getFirst("Upload-Offset");
        if (offsetHeader == null || !offsetHeader.matches("\\d{1,12}")
                || Long.parseLong(offsetHeader) != upload.offset) {
            drain(exchange.getRequestBody());
            exchange.getResponseHeaders().set("Upload-Offset", Long.toString(upload.offset));
            return 409;
        }
        String checksum = req.getFirst("Upload-Checksum");
        MessageDigest digest = null;
        byte[] expected = null;
        if (checksum != null) {
            String[] parts = checksum.trim().split(" ", 2);
            String algorithm = switch (parts[0]) {
                case "sha1" -> "SHA-1";
                case "sha256" -> "SHA-256";
                default -> null;
            };
            if (algorithm == null || parts.length != 2) {
                drain(exchange.getRequestBody());
                return 400;
            }
            digest = digest(algorithm);
            expected = Base64.getDecoder().decode(parts[1]);
        }
        long limit = upload.length - upload.offset;
        boolean cut = fault instanceof Fault.CutMidBody;
        long cutAfter = fault instanceof Fault.CutMidBody c ? c.bytes() : Long.MAX_VALUE;
        byte[] received = readBody(exchange.getRequestBody(), Math.min(limit, cutAfter), upload);
        if (!cut && received.length == limit && exchange.getRequestBody().read() != -1) {
            drain(exchange.getRequestBody());
            return 413;
        }
        if (fault instanceof Fault.Corrupt && received.length > 0) {
            received[received.length / 2] ^= 0x5A;
        }
        if (cut) {
            if (keepPartialChunks) {
                append(upload, received);
            }
            return 0;
        }
        if (digest != null && !MessageDigest.isEqual(digest.digest(received), expected)) {
            return 460;
        }
        if (fault instanceof Fault.StoreCorrupted && received.length > 0) {
            received[0] ^= 0x01;
        }
        append(upload, received);
        if (fault instanceof Fault.LoseAnswer) {
            return 0;
        }
        exchange.getResponseHeaders().set("Upload-Offset", Long.toString(upload.offset));
        return 204;
    }

    private static byte[] readBody(InputStream in, long max, Upload upload) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
        upload.bodyBytesReceived.addAndGet(body.length);
        return body;
    }

    private static void append(Upload upload, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(upload.file, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            long position = upload.offset;
            while (buf.hasRemaining()) {
                position += channel.write(buf, position);
            }
            channel.force(false);
        }
        upload.offset += bytes.length;
    }

    private void shedEarly(HttpExchange exchange, String method, int status, String retryAfter) throws IOException {
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.getResponseHeaders().set("Connection", "close");
        respond(exchange, method, status);
    }

    private void respond(HttpExchange exchange, String method, int status) throws IOException {
        requestLog.add(method + " " + status);
        exchange.sendResponseHeaders(status, -1);
    }

    /** Closes the connection without an answer (no response headers were sent, so the JDK server drops it). */
    private void drop(HttpExchange exchange, String method) {
        requestLog.add(method + " cut");
        exchange.close();
    }

    private static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    private static Map<String, String> parseMetadata(String header) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return metadata;
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.trim().split(" ", 2);
            metadata.put(kv[0], kv.length == 2
                    ? new String(Base64.getDecoder().decode(kv[1]), StandardCharsets.UTF_8)
                    : "");
        }
        return metadata;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        return digest("SHA-256").digest(bytes);
    }
}
