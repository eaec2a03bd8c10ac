package id.go.imigrasi.mpaspor.account;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * quota-service's {@code GET /offices/{code}} as account-service relies on it, over real HTTP on a free port: the
 * offices of quota's seed answer 200 with the office, any other code 404 problem+json; {@value #BROKEN} answers 500
 * (quota cannot tell). The end-to-end journey asks the real quota-service.
 */
public class QuotaOffices implements QuarkusTestResourceLifecycleManager {

    public static final Set<String> OFFICES = Set.of("JKTSEL", "SOETTA", "BDG", "JKT");
    public static final String BROKEN = "BROKEN1";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/offices/", QuotaOffices::answer);
        server.start();
        return Map.of("quarkus.rest-client.quota.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String code = exchange.getRequestURI().getPath().substring("/offices/".length());
        int status;
        String body;
        String type = "application/json";
        if (OFFICES.contains(code)) {
            status = 200;
            body = "{\"code\":\"" + code + "\",\"name\":\"Kantor Imigrasi " + code + "\",\"city\":\"Jakarta\"}";
        } else if (BROKEN.equals(code)) {
            status = 500;
            body = "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/internal-error\",\"status\":500}";
            type = "application/problem+json";
        } else {
            status = 404;
            body = "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/not-found\",\"status\":404}";
            type = "application/problem+json";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
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
