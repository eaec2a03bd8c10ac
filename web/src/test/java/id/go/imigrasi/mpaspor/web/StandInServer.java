package id.go.imigrasi.mpaspor.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK server the web tests' stand-in APIs answer on. Two things learnt the hard way:
 * <ul>
 * <li>a pool, not the dispatcher thread: an exchange that waits (a refresh, a slow answer) never holds the others;</li>
 * <li>every answer says {@code Connection: close}: with the website's pooled keep-alive client, the JDK server (17)
 * now and then left the next request on a reused connection unread until the client gave up after 15 s (503 on a
 * quiet machine, three tests in one run, different ones in CI). A fresh connection per request is what the test
 * stand-in can afford; the website's real peer, the gateway, keeps connections alive correctly.</li>
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
        server.createContext("/api/v1/", guarded).getFilters().add(new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                exchange.getResponseHeaders().set("Connection", "close");
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return "one connection per request";
            }
        });
        server.start();
        return server;
    }

    static String apiUrl(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }
}
