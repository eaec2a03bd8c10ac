package id.go.imigrasi.mpaspor.simulators.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A payment channel, as a bank or a shop would implement it: builds the callback body, signs it
 * (HMAC-SHA256 over {@code timestamp + "." + body} with the channel's secret) and POSTs it to
 * {@code /payments/callbacks/{channel}}, including the awkward cases: duplicates (sequential or concurrent), late
 * payments, stale timestamps, wrong secrets and tampered bodies. JDK only, so it runs as a single source file:
 *
 * <pre>
 * java simulators/src/main/java/id/go/imigrasi/mpaspor/simulators/payment/PaymentChannelSimulator.java \
 *      --channel atm --code 812345678901234 --amount 1650000 [--url http://127.0.0.1:8084]
 *      [--secret S | env MPASPOR_BILLING_SECRET_ATM] [--reference REF] [--paid-at 2026-11-21T10:15:00Z]
 *      [--times 10] [--concurrent] [--skew-seconds -600] [--tamper]
 * </pre>
 *
 * It is an independent implementation of the signing rules (it shares no code with the service), which is what
 * the tests want: it proves the documented protocol, not the service's own helper.
 * <p>
 * The other direction, money going back, is the channels' refund desk ({@link RefundDesk}, {@code --serve-refunds}):
 * billing-service's payout job asks it to refund a payment the channel knows, once per idempotency key. A simulator
 * {@link #reportingTo(RefundDesk) reporting to} a desk tells it of every payment the service accepted (200), as a
 * real channel knows its own payments.
 */
public final class PaymentChannelSimulator {

    public static final String TIMESTAMP_HEADER = "X-Mpaspor-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Mpaspor-Signature";

    /** What the service answered. */
    public record Answer(int status, String body, String contentType, boolean replayed) {
    }

    private final URI baseUrl;
    private final String channel;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile RefundDesk desk;
    private volatile URI deskUrl;

    public PaymentChannelSimulator(URI baseUrl, String channel, String secret) {
        this.baseUrl = baseUrl;
        this.channel = channel;
        this.secret = secret;
    }

    /** Every payment the service accepts from now on is known to {@code desk} (in-process: tests). */
    public PaymentChannelSimulator reportingTo(RefundDesk desk) {
        this.desk = desk;
        return this;
    }

    /** ... or to the desk running at {@code url} (a separate process: {@code --desk}). */
    public PaymentChannelSimulator reportingTo(URI url) {
        this.deskUrl = url;
        return this;
    }

    /** The JSON body a channel sends. */
    public static String body(String billingCode, long amount, String channelReference, Instant paidAt) {
        return "{\"billingCode\":" + quote(billingCode) + ",\"amount\":" + amount + ",\"channelReference\":"
                + quote(channelReference) + ",\"paidAt\":" + quote(paidAt.toString()) + "}";
    }

    /** Lower-case hex HMAC-SHA256(secret, timestamp + "." + body). */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reports a payment made now, signed now. */
    public Answer pay(String billingCode, long amount, String channelReference) {
        return pay(billingCode, amount, channelReference, Instant.now());
    }

    public Answer pay(String billingCode, long amount, String channelReference, Instant paidAt) {
        return send(body(billingCode, amount, channelReference, paidAt), Instant.now());
    }

    /** Signs {@code body} as sent at {@code signedAt} (a stale time to test replay protection). */
    public Answer send(String body, Instant signedAt) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        return sendRaw(body, timestamp, sign(secret, timestamp, body));
    }

    /** Sends exactly these headers and body (null leaves a header out): forged or tampered requests. */
    public Answer sendRaw(String body, String timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.toString().replaceAll("/+$", "") + "/payments/callbacks/" + channel))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header(TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(SIGNATURE_HEADER, signature);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                remember(body);
            }
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-Mpaspor-Replayed").map(Boolean::parseBoolean).orElse(false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("callback to " + baseUrl + " failed: " + e.getMessage(), e);
        }
    }

    /** The service accepted this payment: the channel's refund desk knows it from now on. */
    private void remember(String body) throws java.io.IOException, InterruptedException {
        String reference = RefundDesk.field(body, "channelReference");
        String code = RefundDesk.field(body, "billingCode");
        String amount = RefundDesk.field(body, "amount");
        if (reference == null || code == null || amount == null || !amount.matches("\\d{1,15}")) {
            return;
        }
        if (desk != null) {
            desk.recordPayment(channel, reference, code, Long.parseLong(amount));
        }
        if (deskUrl != null) {
            String payment = "{\"channel\":" + quote(channel) + ",\"channelReference\":" + quote(reference)
                    + ",\"billingCode\":" + quote(code) + ",\"amount\":" + amount + "}";
            http.send(HttpRequest.newBuilder(URI.create(deskUrl.toString().replaceAll("/+$", "") + "/admin/payments"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payment, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    /** The same signed callback {@code times} times at once, as a channel retrying on timeouts would. */
    public List<Answer> sendConcurrently(String body, int times) {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return send(body, Instant.now());
                }, pool));
            }
            start.countDown();
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    public static void main(String[] args) {
        String url = "http://127.0.0.1:8084";
        String channel = null;
        String code = null;
        Long amount = null;
        String reference = null;
        String secret = null;
        Instant paidAt = null;
        int times = 1;
        boolean concurrent = false;
        long skewSeconds = 0;
        boolean tamper = false;
        String deskUrl = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--url" -> url = args[++i];
                case "--channel" -> channel = args[++i];
                case "--code" -> code = args[++i];
                case "--amount" -> amount = Long.parseLong(args[++i]);
                case "--reference" -> reference = args[++i];
                case "--secret" -> secret = args[++i];
                case "--paid-at" -> paidAt = Instant.parse(args[++i]);
                case "--times" -> times = Integer.parseInt(args[++i]);
                case "--concurrent" -> concurrent = true;
                case "--skew-seconds" -> skewSeconds = Long.parseLong(args[++i]);
                case "--tamper" -> tamper = true;
                case "--desk" -> deskUrl = args[++i];
                case "--serve-refunds" -> {
                    int port = Integer.parseInt(args[++i]);
                    try {
                        RefundDesk served = new RefundDesk().start(System.getenv().getOrDefault("PAYMENT_DESK_HOST",
                                "127.0.0.1"), port);
                        System.out.println("payment channels' refund desk on port " + served.port());
                        // the desk's threads are daemons: the main thread keeps the process alive
                        Thread.currentThread().join();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown option " + a);
                    usage();
                    System.exit(2);
                }
            }
        }
        if (channel == null || code == null || amount == null) {
            usage();
            System.exit(2);
        }
        if (secret == null) {
            secret = System.getenv("MPASPOR_BILLING_SECRET_" + channel.toUpperCase().replace('-', '_'));
        }
        if (secret == null) {
            System.err.println("no secret: pass --secret or set MPASPOR_BILLING_SECRET_"
                    + channel.toUpperCase().replace('-', '_'));
            System.exit(2);
        }
        reference = reference != null ? reference : channel.toUpperCase() + "-" + UUID.randomUUID();
        String body = body(code, amount, reference, paidAt != null ? paidAt : Instant.now());
        PaymentChannelSimulator sim = new PaymentChannelSimulator(URI.create(url), channel, secret);
        if (deskUrl != null) {
            sim.reportingTo(URI.create(deskUrl));
        }
        List<Answer> answers = new ArrayList<>();
        if (tamper) {
            String timestamp = Long.toString(Instant.now().plusSeconds(skewSeconds).getEpochSecond());
            String signature = sign(secret, timestamp, body);
            answers.add(sim.sendRaw(body.replace("\"amount\":" + amount, "\"amount\":" + (amount - 1)), timestamp,
                    signature));
        } else if (concurrent) {
            answers.addAll(sim.sendConcurrently(body, times));
        } else {
            for (int i = 0; i < times; i++) {
                answers.add(sim.send(body, Instant.now().plusSeconds(skewSeconds)));
            }
        }
        System.out.println("POST " + url + "/payments/callbacks/" + channel + "  " + body);
        for (Answer answer : answers) {
            System.out.println(answer.status() + (answer.replayed() ? " (replay) " : " ") + answer.body());
        }
    }

    private static void usage() {
        System.err.println("""
                usage: PaymentChannelSimulator --channel CHANNEL --code BILLING_CODE --amount RUPIAH
                         [--url http://127.0.0.1:8084] [--secret SECRET]   (default: env MPASPOR_BILLING_SECRET_<CHANNEL>)
                         [--reference CHANNEL_REF] [--paid-at ISO_INSTANT] (a past time for a late payment)
                         [--times N] [--concurrent]                      (duplicates, sequential or all at once)
                         [--skew-seconds S]                              (sign with a shifted clock: stale timestamp)
                         [--tamper]                                      (alter the body after signing)
                         [--desk http://127.0.0.1:8094]                  (tell the refund desk of accepted payments)
                       PaymentChannelSimulator --serve-refunds PORT      (run the channels' refund desk, 8094)
                channels: bank-teller, atm, internet-banking, post-office, indomaret, alfamart, marketplace""");
    }

    /**
     * The payment channels' refund desk: how a bank or shop pays a customer back. One server for every channel
     * (the channel is in the path), JDK only like the rest of this file.
     *
     * <pre>
     * POST /channels/{channel}/refunds   Idempotency-Key: K   {"channelReference","billingCode","amount"}
     *      -> 201 {"refundReference","channel","channelReference","billingCode","amount","refundedAt"}
     *         the same key and body again -> 200, the same body, Idempotent-Replayed: true (never paid twice)
     *         no key -> 400; a payment this channel never took -> 404 unknown-payment; another code or amount than
     *         the payment's -> 422 refund-does-not-match-payment; the same key with another body -> 422
     *         idempotency-key-reused; a payment already refunded under another key -> 409 already-refunded
     * POST /admin/payments               {"channel","channelReference","billingCode","amount"}: the channel took it
     * POST /admin/failure                {"mode":"NONE" | "UNAVAILABLE" | "HANG"}: every refund call answers 503
     *                                    with Retry-After, or hangs until released, or works again
     * GET  /admin/health                 -> 200 {"status":"UP"}
     * </pre>
     *
     * Refund references look like {@code RF-ATM-yyyyMMdd-000001}.
     */
    public static final class RefundDesk implements AutoCloseable {

        public static final int DEFAULT_PORT = 8094;
        public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

        /** What every refund call does now. */
        public enum FailureMode {
            NONE, UNAVAILABLE, HANG
        }

        /** A payment the channel took. */
        private record Taken(String billingCode, long amount) {
        }

        /** A refund the channel made: the answer every retry with its key gets. */
        private record Made(String request, String answer, String reference) {
        }

        private static final Pattern REFUND_PATH = Pattern.compile("/channels/([a-z0-9-]{1,40})/refunds/?");

        private final Map<String, Taken> payments = new ConcurrentHashMap<>();
        private final Map<String, Made> byKey = new ConcurrentHashMap<>();
        /** payment (channel + reference) -> the key it was refunded under. */
        private final Map<String, String> refunded = new ConcurrentHashMap<>();
        private final AtomicLong serial = new AtomicLong();
        private final AtomicReference<FailureMode> failure = new AtomicReference<>(FailureMode.NONE);
        private final AtomicLong refundCalls = new AtomicLong();
        private final Object hang = new Object();
        private HttpServer server;

        /** Starts listening on loopback {@code port} (0: any free port, see {@link #port()}). */
        public RefundDesk start(int port) throws IOException {
            return start("127.0.0.1", port);
        }

        public RefundDesk start(String host, int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "refund-desk");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/channels", this::refunds);
            server.createContext("/admin", this::admin);
            server.start();
            return this;
        }

        public int port() {
            return server.getAddress().getPort();
        }

        public String url() {
            return "http://127.0.0.1:" + port();
        }

        /** The channel took this payment (what {@link PaymentChannelSimulator#reportingTo} reports). */
        public void recordPayment(String channel, String channelReference, String billingCode, long amount) {
            payments.put(channel + " " + channelReference, new Taken(billingCode, amount));
        }

        public void failure(FailureMode mode) {
            failure.set(mode);
            if (mode != FailureMode.HANG) {
                synchronized (hang) {
                    hang.notifyAll();
                }
            }
        }

        /** Refunds made (each once, whatever the number of retries). */
        public int refunds() {
            return byKey.size();
        }

        /** Refund calls received, retries and failures included. */
        public long refundCalls() {
            return refundCalls.get();
        }

        @Override
        public void close() {
            failure(FailureMode.NONE);
            if (server != null) {
                server.stop(0);
                ((ExecutorService) server.getExecutor()).shutdownNow();
            }
        }

        private void refunds(HttpExchange exchange) throws IOException {
            try (exchange) {
                Matcher path = REFUND_PATH.matcher(exchange.getRequestURI().getPath());
                if (!path.matches()) {
                    answer(exchange, 404, error("not-found"));
                    return;
                }
                if (!"POST".equals(exchange.getRequestMethod())) {
                    answer(exchange, 405, error("method-not-allowed"));
                    return;
                }
                refundCalls.incrementAndGet();
                if (!waitOrFail(exchange)) {
                    return;
                }
                String channel = path.group(1);
                String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
                String body = read(exchange.getRequestBody());
                if (key == null || key.isBlank() || key.length() > 100) {
                    answer(exchange, 400, error("idempotency-key-required"));
                    return;
                }
                String reference = field(body, "channelReference");
                String code = field(body, "billingCode");
                String amount = field(body, "amount");
                if (reference == null || code == null || amount == null || !amount.matches("\\d{1,15}")) {
                    answer(exchange, 400, error("bad-request"));
                    return;
                }
                String request = channel + " " + reference + " " + code + " " + amount;
                String payment = channel + " " + reference;
                synchronized (this) {
                    Made earlier = byKey.get(key);
                    if (earlier != null) {
                        if (!earlier.request().equals(request)) {
                            answer(exchange, 422, error("idempotency-key-reused"));
                            return;
                        }
                        exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
                        answer(exchange, 200, earlier.answer());
                        return;
                    }
                    Taken taken = payments.get(payment);
                    if (taken == null) {
                        answer(exchange, 404, error("unknown-payment"));
                        return;
                    }
                    if (!taken.billingCode().equals(code) || taken.amount() != Long.parseLong(amount)) {
                        answer(exchange, 422, error("refund-does-not-match-payment"));
                        return;
                    }
                    if (refunded.containsKey(payment)) {
                        answer(exchange, 409, error("already-refunded"));
                        return;
                    }
                    Instant now = Instant.now();
                    String refundReference = "RF-" + channel.toUpperCase().replace("-", "") + "-"
                            + now.toString().substring(0, 10).replace("-", "") + "-"
                            + String.format("%06d", serial.incrementAndGet());
                    String answer = "{\"refundReference\":" + quote(refundReference) + ",\"channel\":" + quote(channel)
                            + ",\"channelReference\":" + quote(reference) + ",\"billingCode\":" + quote(code)
                            + ",\"amount\":" + amount + ",\"refundedAt\":" + quote(now.toString()) + "}";
                    byKey.put(key, new Made(request, answer, refundReference));
                    refunded.put(payment, key);
                    answer(exchange, 201, answer);
                }
            }
        }

        /** Applies the failure mode; false when the call was answered (503) or dropped. */
        private boolean waitOrFail(HttpExchange exchange) throws IOException {
            FailureMode mode = failure.get();
            if (mode == FailureMode.UNAVAILABLE) {
                exchange.getResponseHeaders().add("Retry-After", "5");
                answer(exchange, 503, error("unavailable"));
                return false;
            }
            if (mode == FailureMode.HANG) {
                synchronized (hang) {
                    while (failure.get() == FailureMode.HANG) {
                        try {
                            hang.wait(1000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        private void admin(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String body = "POST".equals(exchange.getRequestMethod()) ? read(exchange.getRequestBody()) : "";
                switch (path) {
                    case "/admin/health" -> answer(exchange, 200, "{\"status\":\"UP\"}");
                    case "/admin/payments" -> {
                        String channel = field(body, "channel");
                        String reference = field(body, "channelReference");
                        String code = field(body, "billingCode");
                        String amount = field(body, "amount");
                        if (channel == null || reference == null || code == null || amount == null
                                || !amount.matches("\\d{1,15}")) {
                            answer(exchange, 400, error("bad-request"));
                            return;
                        }
                        recordPayment(channel, reference, code, Long.parseLong(amount));
                        answer(exchange, 204, null);
                    }
                    case "/admin/failure" -> {
                        try {
                            failure(FailureMode.valueOf(String.valueOf(field(body, "mode"))));
                            answer(exchange, 204, null);
                        } catch (IllegalArgumentException e) {
                            answer(exchange, 400, error("bad-request"));
                        }
                    }
                    default -> answer(exchange, 404, error("not-found"));
                }
            }
        }

        /**
         * The value of a top-level string or number field of a flat JSON object (enough for these small bodies;
         * JDK only, so no JSON library), or null.
         */
        static String field(String json, String name) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name)
                    + "\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(-?[0-9][0-9.eE+-]*))").matcher(json);
            if (!m.find()) {
                return null;
            }
            return m.group(1) != null ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(2);
        }

        private static String error(String code) {
            return "{\"error\":" + quote(code) + "}";
        }

        private static String read(InputStream in) throws IOException {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }

        private static void answer(HttpExchange exchange, int status, String body) throws IOException {
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
