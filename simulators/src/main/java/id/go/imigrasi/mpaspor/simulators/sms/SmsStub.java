package id.go.imigrasi.mpaspor.simulators.sms;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the SMS/WhatsApp provider, for local runs and tests.
 *
 * <ul>
 * <li>{@code POST /messages {"to": "0812...", "text": "...", "channel": "SMS"|"WHATSAPP", "reference": "...",
 * "statusCallback": "http://..."}}: 202 {@code {"id": ...}}; a missing {@code to} or {@code text} answers 400. A
 * {@code reference} already accepted answers the same id again and sends nothing (as real providers' idempotency
 * keys do: a client retrying after a lost answer does not text the person twice).</li>
 * <li>Rate limit: more than {@code SMS_STUB_RATE_PER_SECOND} (default 50) messages in one second answer 429 with
 * {@code Retry-After: 1}.</li>
 * <li>Delivery receipts: when the message names a {@code statusCallback}, the stub posts
 * {@code {"id", "reference", "status": "DELIVERED"|"FAILED", "at"}} there shortly after, signed like the big
 * providers do: header {@code X-Provider-Signature: sha256=<hex HMAC-SHA256 of the body>} under the shared secret
 * {@code SMS_STUB_RECEIPT_SECRET} (default {@link #DEV_RECEIPT_SECRET}). A number marked undeliverable
 * ({@code POST /admin/undeliverable {"to": ...}}) gets FAILED (a phone switched off for days).</li>
 * <li>{@code GET /admin/messages?to=0812...}: the messages sent to that number, oldest first (what the phone's owner
 * would read); {@code POST /admin/failure {"fail": true}} makes {@code /messages} answer 503 with Retry-After.</li>
 * </ul>
 * Run alone: {@code java -cp target/classes:target/lib/* id.go.imigrasi.mpaspor.simulators.sms.SmsStub [port]}
 * (default 8093); in a test: {@code SmsStub.start(0)}, then {@link #url()}, {@link #messagesTo(String)},
 * {@link #close()}.
 */
public final class SmsStub implements AutoCloseable {

    public static final int DEFAULT_PORT = 8093;
    /** The receipt secret when {@code SMS_STUB_RECEIPT_SECRET} is not set (development only). */
    public static final String DEV_RECEIPT_SECRET = "dev-sms-receipt-secret";
    public static final String SIGNATURE_HEADER = "X-Provider-Signature";

    /** One message as the provider accepted it. */
    public record Message(String id, String to, String channel, String text, String at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Message> sent = new ArrayList<>();
    private final Map<String, String> byReference = new HashMap<>();
    private final Set<String> undeliverable = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService receipts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sms-stub-receipts");
        t.setDaemon(true);
        return t;
    });
    private final byte[] receiptSecret;
    private final int ratePerSecond;
    private long currentSecond;
    private int inCurrentSecond;
    private volatile boolean failing;

    private SmsStub(HttpServer server, int ratePerSecond) {
        this.server = server;
        this.receiptSecret = System.getenv().getOrDefault("SMS_STUB_RECEIPT_SECRET", DEV_RECEIPT_SECRET)
                .getBytes(StandardCharsets.UTF_8);
        this.ratePerSecond = ratePerSecond;
    }

    public static SmsStub start(int port) {
        return start(port, Integer.parseInt(System.getenv().getOrDefault("SMS_STUB_RATE_PER_SECOND", "50")));
    }

    /** A stub that accepts at most {@code ratePerSecond} messages in any one second. */
    public static SmsStub start(int port, int ratePerSecond) {
        try {
            String host = System.getenv().getOrDefault("SMS_STUB_HOST", "127.0.0.1");
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            SmsStub stub = new SmsStub(server, ratePerSecond);
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

    /** Messages to {@code phone} are accepted but their receipts say FAILED. */
    public void undeliverable(String phone) {
        undeliverable.add(phone);
    }

    /** The signature header value of a receipt body under {@code secret}: {@code sha256=<hex HMAC-SHA256>}. */
    public static String signature(byte[] body, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        receipts.shutdownNow();
        server.stop(0);
    }

    /** {@code true} when this second's budget still has room (then it is counted). */
    private synchronized boolean withinRate() {
        long second = System.currentTimeMillis() / 1000;
        if (second != currentSecond) {
            currentSecond = second;
            inCurrentSecond = 0;
        }
        return ++inCurrentSecond <= ratePerSecond;
    }

    private void receipt(Message message, String reference, String callback) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("id", message.id());
        receipt.put("reference", reference);
        receipt.put("status", undeliverable.contains(message.to()) ? "FAILED" : "DELIVERED");
        receipt.put("at", Instant.now().toString());
        try {
            byte[] body = JSON.writeValueAsBytes(receipt);
            HttpRequest request = HttpRequest.newBuilder(URI.create(callback)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE_HEADER, signature(body, receiptSecret))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("SMS stub: receipt to " + callback + " not sent: " + e);
        }
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
            String reference = body.path("reference").asText("");
            synchronized (this) {
                String known = reference.isBlank() ? null : byReference.get(reference);
                if (known != null) {
                    reply(exchange, 202, Map.of("id", known));
                    return;
                }
            }
            if (!withinRate()) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                reply(exchange, 429, Map.of("code", "RATE_LIMITED"));
                return;
            }
            Message message = new Message(UUID.randomUUID().toString(), to, body.path("channel").asText("SMS"), text,
                    Instant.now().toString());
            synchronized (this) {
                sent.add(message);
                if (!reference.isBlank()) {
                    byReference.put(reference, message.id());
                }
            }
            String callback = body.path("statusCallback").asText("");
            if (!callback.isBlank()) {
                receipts.schedule(() -> receipt(message, reference, callback), 100, TimeUnit.MILLISECONDS);
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
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("/admin/undeliverable")) {
                String to = JSON.readTree(exchange.getRequestBody()).path("to").asText("");
                undeliverable(to);
                reply(exchange, 200, Map.of("undeliverable", to));
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
