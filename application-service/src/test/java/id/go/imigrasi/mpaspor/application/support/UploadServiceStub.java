package id.go.imigrasi.mpaspor.application.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import id.go.imigrasi.mpaspor.contracts.upload.DocumentReadGrant;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for upload-service's one service-to-service endpoint, {@code GET /documents/{uploadId}}, as that service
 * answers it: the bytes of a document the test put here, only for a valid {@link DocumentReadGrant} of that upload
 * under the tests' grant key (else 404). It can be made to fail (500), as an unreachable store would.
 */
public class UploadServiceStub implements QuarkusTestResourceLifecycleManager {

    /** The same key as %test.mpaspor.application.documents.grant-key. */
    static final String GRANT_KEY = "test-document-grant-key-0123456789abcdef";

    private record Document(String contentType, String fileName, byte[] bytes) {
    }

    private static final Map<UUID, Document> DOCUMENTS = new ConcurrentHashMap<>();
    private static final AtomicBoolean FAILING = new AtomicBoolean();
    private static final Set<UUID> TAMPERED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private HttpServer server;

    /** upload-service keeps this accepted document. */
    public static void serve(String uploadId, String contentType, String fileName, byte[] bytes) {
        DOCUMENTS.put(UUID.fromString(uploadId), new Document(contentType, fileName, bytes));
    }

    /** From now on every request fails with 500 (or answers again). */
    public static void failing(boolean failing) {
        FAILING.set(failing);
    }

    /**
     * The stored bytes of this upload fail their authentication from now on: upload-service answers 500
     * {@code upload-document-unreadable} (problem+json) for it, as {@code StoredUploadContents} does.
     */
    public static void tampered(String uploadId) {
        TAMPERED.add(UUID.fromString(uploadId));
    }

    /** Requests refused for a missing or invalid grant so far. */
    public static int refused() {
        return REFUSED.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        DocumentReadGrant grants = DocumentReadGrant.withKey(GRANT_KEY);
        server.createContext("/documents/", exchange -> {
            try (exchange) {
                answer(exchange, grants);
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.upload-service.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, DocumentReadGrant grants) throws IOException {
        if (FAILING.get()) {
            exchange.sendResponseHeaders(500, -1);
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(exchange.getRequestURI().getPath().substring("/documents/".length()));
        } catch (IllegalArgumentException notAnId) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        Document document = DOCUMENTS.get(id);
        String grant = exchange.getRequestHeaders().getFirst(DocumentReadGrant.HEADER);
        if (!grants.permits(grant, id, Instant.now())) {
            REFUSED.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        if (document == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        if (TAMPERED.contains(id)) {
            byte[] problem = ("{\"type\":\"https://mpaspor.imigrasi.go.id/problems/upload-document-unreadable\","
                    + "\"title\":\"Dokumen tidak dapat dibaca\",\"status\":500}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(500, problem.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(problem);
            }
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", document.contentType());
        exchange.getResponseHeaders().add("X-Mpaspor-File-Name",
                URLEncoder.encode(document.fileName(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(200, document.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(document.bytes());
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
