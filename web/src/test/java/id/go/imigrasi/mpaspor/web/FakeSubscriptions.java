package id.go.imigrasi.mpaspor.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

/**
 * quota-service's release subscriptions as the stand-in API keeps them for Agus (issue 22): the offices he is told
 * about, and the one stop link the tests know ({@link #TOKEN}). Every call is kept in {@link #CALLS}.
 */
final class FakeSubscriptions {

    static final String TOKEN = "7c0e2a61-3b5d-4f8e-9a1c-2d4e6f8a0b1c";
    static final Set<String> OFFICES = ConcurrentHashMap.newKeySet();
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    private FakeSubscriptions() {
    }

    static boolean answer(HttpExchange exchange, String method, String path) throws IOException {
        if (path.equals("/api/v1/release-subscriptions") && method.equals("GET")) {
            CALLS.add("GET " + path);
            StringBuilder list = new StringBuilder("[");
            for (String office : OFFICES) {
                list.append(list.length() > 1 ? "," : "").append("{\"officeCode\":\"").append(office)
                        .append("\",\"email\":\"agus@example.id\",\"language\":\"id\"}");
            }
            send(exchange, 200, list.append("]").toString());
            return true;
        }
        if (path.matches("/api/v1/offices/[A-Z0-9]+/release-subscription")) {
            String office = path.split("/")[4];
            CALLS.add(method + " " + path + " " + exchange.getRequestHeaders().getFirst("Accept-Language"));
            if (method.equals("PUT")) {
                boolean created = OFFICES.add(office);
                send(exchange, created ? 201 : 200, "{\"officeCode\":\"" + office + "\"}");
            } else {
                OFFICES.remove(office);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
            return true;
        }
        if (path.equals("/api/v1/release-subscriptions/unsubscribe") && method.equals("POST")) {
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            CALLS.add("UNSUBSCRIBE " + query);
            if (query.equals("token=" + TOKEN) && exchange.getRequestHeaders().getFirst("Authorization") == null) {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                byte[] body = "{\"title\":\"Not found\",\"status\":404}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            return true;
        }
        return false;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        StandInServer.json(exchange, status, json);
    }
}
