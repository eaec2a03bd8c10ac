package id.go.imigrasi.mpaspor.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK server the web tests' stand-in APIs answer on. Three things learnt the hard way:
 * <ul>
 * <li>a pool, not the dispatcher thread: an exchange that waits (a refresh, a slow answer) never holds the others;</li>
 * <li>connections are kept alive, as the gateway keeps them: the 503s these tests once showed after 15 s were the
 * website's own client losing answers (see {@code ApiTransportTest}), not this server;</li>
 * <li>a handler that throws answers 500 and says why on stderr: the JDK server would otherwise close the connection
 * without a word, and the page under test would show "busy" with nothing in the log to tell why.</li>
 * </ul>
 */
final class StandInServer {

    private StandInServer() {
    }

    static HttpServer start(HttpHandler handler) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        HttpHandler guarded = exchange -> {
            try {
                handler.handle(exchange);
            } catch (Throwable e) {
                System.err.println("stand-in API failed on " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI());
                e.printStackTrace();
                try {
                    exchange.sendResponseHeaders(500, -1);
                } catch (IOException | RuntimeException alreadySent) {
                    // the status line went out before the failure: closing is all that is left
                }
                exchange.close();
            }
        };
        server.createContext("/api/v1/", guarded);
        server.start();
        return server;
    }

    static String apiUrl(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    /** A JSON answer of a stand-in API. */
    static void json(com.sun.net.httpserver.HttpExchange exchange, int status, String json) throws java.io.IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, json);
    }

    /** An answer of a stand-in API with the content type already set (or none). */
    static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (java.io.OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A problem+json answer of a stand-in API: type {@code .../problems/<slug>}, title, status, detail if any. */
    static void problem(com.sun.net.httpserver.HttpExchange exchange, int status, String slug, String title,
            String detail) throws java.io.IOException {
        com.fasterxml.jackson.databind.node.ObjectNode p = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode().put("type", "https://mpaspor.imigrasi.go.id/problems/" + slug)
                .put("title", title).put("status", status);
        if (detail != null) {
            p.put("detail", detail);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        send(exchange, status, p.toString());
    }
}
