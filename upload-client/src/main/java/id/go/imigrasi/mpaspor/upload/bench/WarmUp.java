package id.go.imigrasi.mpaspor.upload.bench;

import id.go.imigrasi.mpaspor.upload.client.RetryPolicy;
import id.go.imigrasi.mpaspor.upload.client.TusUploadException;
import id.go.imigrasi.mpaspor.upload.client.TusUploader;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warms up the load generator's own JVM before the measured spike: a few uploads through the same
 * {@link TusUploader} and {@link HttpClient} code, against a minimal tus stub inside this process (loopback, not
 * the server under test), every third PATCH refused with 503 so the retry path is compiled too.
 *
 * <p>Why: measured on 2026-12-03, in a cold bench JVM the first answer arrived 300-370 ms after the first request
 * although the server refuses in 0.3 ms, and the 1000th client sent its first request only after 2.4-2.7 s - the
 * clients' code (HttpClient, uploader, SHA-256) was still interpreted while 1000 threads competed for the same 2
 * cores. Warm, the first answer came after 40 ms and shed p50/p99 went from 99/1019 to 41/147 ms. That is the load generator, not the service, and not what any real client experiences (one
 * upload per device). The measured requests are unchanged: from {@code send} to the answer of the real server.
 */
final class WarmUp {

    private WarmUp() {
    }

    /** Runs {@code uploads} uploads of {@code fileBytes} in {@code chunkBytes} chunks on a few threads. */
    static Duration run(int uploads, long fileBytes, int chunkBytes) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Stub stub = new Stub();
        HttpClient http = TusUploader.defaultHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(uploads, 16));
        AtomicInteger failed = new AtomicInteger();
        try {
            TusUploader uploader = TusUploader.builder()
                    .endpoint(stub.endpoint())
                    .httpClient(http)
                    .chunkSize(chunkBytes)
                    .deadline(Duration.ofSeconds(60))
                    .retryPolicy(RetryPolicy.defaults().withBase(Duration.ofMillis(1)).withCap(Duration.ofMillis(5)))
                    .build();
            for (int i = 0; i < uploads; i++) {
                GeneratedContent content = new GeneratedContent(-1 - i, fileBytes);
                pool.execute(() -> {
                    try {
                        uploader.upload(content.open(), content.length(), Map.of("filename", "warm-up"));
                    } catch (TusUploadException e) {
                        failed.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                throw new IOException("the warm-up did not finish within 2 minutes");
            }
        } finally {
            pool.shutdownNow();
            stub.close();
        }
        if (failed.get() > 0) {
            throw new IOException(failed.get() + " warm-up uploads failed against the in-process stub");
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Just enough tus for the uploader: creation, HEAD, PATCH (every third refused with 503). */
    private static final class Stub implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(4);
        private final Map<String, AtomicLong> offsets = new ConcurrentHashMap<>();
        private final Map<String, Long> lengths = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final AtomicInteger patches = new AtomicInteger();

        Stub() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            server.createContext("/warm-up", this::handle);
            server.setExecutor(executor);
            server.start();
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/warm-up");
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex; InputStream body = ex.getRequestBody()) {
                ex.getResponseHeaders().set("Tus-Resumable", TusUploader.TUS_VERSION);
                String id = ex.getRequestURI().getPath().substring("/warm-up".length());
                switch (ex.getRequestMethod()) {
                    case "POST" -> {
                        String name = "/" + ids.incrementAndGet();
                        offsets.put(name, new AtomicLong());
                        lengths.put(name, Long.parseLong(ex.getRequestHeaders().getFirst("Upload-Length")));
                        ex.getResponseHeaders().set("Location", "/warm-up" + name);
                        ex.sendResponseHeaders(201, -1);
                    }
                    case "HEAD" -> {
                        ex.getResponseHeaders().set("Upload-Offset", Long.toString(offsets.get(id).get()));
                        ex.getResponseHeaders().set("Upload-Length", Long.toString(lengths.get(id)));
                        ex.sendResponseHeaders(200, -1);
                    }
                    case "PATCH" -> {
                        long read = body.transferTo(java.io.OutputStream.nullOutputStream());
                        if (patches.incrementAndGet() % 3 == 0) {
                            ex.getResponseHeaders().set("Retry-After", "0");
                            ex.sendResponseHeaders(503, -1);
                        } else {
                            long offset = offsets.get(id).addAndGet(read);
                            ex.getResponseHeaders().set("Upload-Offset", Long.toString(offset));
                            ex.sendResponseHeaders(204, -1);
                        }
                    }
                    default -> ex.sendResponseHeaders(405, -1);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
