package id.go.imigrasi.mpaspor.simulators.sms;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the SMS/WhatsApp provider, for local runs and tests.
 *
 * <ul>
 * <li>{@code POST /messages {"to": "0812...", "text": "...", "channel": "SMS"|"WHATSAPP"}}: 202
 * {@code {"id": ...}}; a missing {@code to} or {@code text} answers 400.</li>
 * <li>{@code GET /admin/messages?to=0812...}: the messages sent to that number, oldest first (what the phone's owner
 * would read); {@code POST /admin/failure {"fail": true}} makes {@code /messages} answer 503 with Retry-After.</li>
 * </ul>
 * Run alone: {@code java -cp target/classes:target/lib/* id.go.imigrasi.mpaspor.simulators.sms.SmsStub [port]}
 * (default 8093); in a test: {@code SmsStub.start(0)}, then {@link #url()}, {@link #messagesTo(String)},
 * {@link #close()}.
 */
public final class SmsStub implements AutoCloseable {

    public static final int DEFAULT_PORT = 8093;

    /** One message as the provider accepted it. */
    public record Message(String id, String to, String channel, String text, String at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Message> sent = new ArrayList<>();
    private volatile boolean failing;

    private SmsStub(HttpServer server) {
        this.server = server;
    }

    public static SmsStub start(int port) {
        try {
            String host = System.getenv().getOrDefault("SMS_STUB_HOST", "127.0.0.1");
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            SmsStub stub = new SmsStub(server);
            server.createContext("/messages", stub::send);
            server.createContext("/admin/", stub::admin);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "sms-stub");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the SMS stub on port " + port, e);
        }
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0])
                : Integer.parseInt(System.getenv().getOrDefault("SMS_STUB_PORT", String.valueOf(DEFAULT_PORT)));
        SmsStub stub = start(port);
        System.out.println("SMS stub on " + stub.url());
        Runtime.getRuntime().addShutdownHook(new Thread(stub::close));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the owner of {@code phone} received, oldest first. */
    public synchronized List<Message> messagesTo(String phone) {
        return sent.stream().filter(m -> m.to().equals(phone)).toList();
    }

    /** {@code true}: every send answers 503 with Retry-After. */
    public void failing(boolean fail) {
        this.failing = fail;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void send(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, Map.of("code", "METHOD_NOT_ALLOWED"));
                return;
            }
            if (failing) {
                exchange.getResponseHeaders().add("Retry-After", "5");
                reply(exchange, 503, Map.of("code", "UNAVAILABLE"));
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(exchange.getRequestBody());
            } catch (IOException malformed) {
                reply(exchange, 400, Map.of("code", "MALFORMED"));
                return;
            }
            String to = body == null ? "" : body.path("to").asText("");
            String text = body == null ? "" : body.path("text").asText("");
            if (to.isBlank() || text.isBlank()) {
                reply(exchange, 400, Map.of("code", "TO_AND_TEXT_REQUIRED"));
                return;
            }
            Message message = new Message(UUID.randomUUID().toString(), to, body.path("channel").asText("SMS"), text,
                    Instant.now().toString());
            synchronized (this) {
                sent.add(message);
            }
            reply(exchange, 202, Map.of("id", message.id()));
        }
    }

    private void admin(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.equals("/admin/messages")) {
                String query = exchange.getRequestURI().getQuery();
                String to = query != null && query.startsWith("to=") ? query.substring(3) : null;
                List<Message> messages;
                synchronized (this) {
                    messages = to == null ? List.copyOf(sent) : messagesTo(to);
                }
                reply(exchange, 200, messages);
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("/admin/failure")) {
                failing(JSON.readTree(exchange.getRequestBody()).path("fail").asBoolean(false));
                reply(exchange, 200, Map.of("failing", failing));
            } else {
                reply(exchange, 404, Map.of("code", "NOT_FOUND"));
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
