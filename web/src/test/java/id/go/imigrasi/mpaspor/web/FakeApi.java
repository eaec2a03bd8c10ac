package id.go.imigrasi.mpaspor.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the gateway's public API (what the tests need of it): registration answers with the API's
 * problem+json field errors, or 503 + Retry-After for the address {@code busy@example.id}. It records every
 * request so a test can prove that nothing reached the API.
 */
public class FakeApi implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/", this::answer);
        server.start();
        return Map.of("mpaspor.web.api-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        SEEN.add(exchange.getRequestMethod() + " " + path + " " + body);
        if (path.equals("/api/v1/accounts") && body.contains("busy@example.id")) {
            exchange.getResponseHeaders().set("Retry-After", "7");
            send(exchange, 503, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/service-unavailable\","
                    + "\"title\":\"Layanan sibuk\",\"status\":503}");
            return;
        }
        if (path.equals("/api/v1/accounts")) {
            send(exchange, 400, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/validation\","
                    + "\"title\":\"Data tidak valid\",\"status\":400,\"errors\":["
                    + "{\"field\":\"register.body.email\",\"code\":\"validation.email\",\"message\":\"Alamat e-mail tidak valid\"},"
                    + "{\"field\":\"password\",\"code\":\"validation.password-short\",\"message\":\"Kata sandi terlalu pendek\"}]}");
            return;
        }
        send(exchange, 404, "{\"title\":\"Tidak ditemukan\",\"status\":404}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
