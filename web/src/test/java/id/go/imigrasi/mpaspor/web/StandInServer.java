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
}
