package id.go.imigrasi.mpaspor.simulators.pos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small, realistic stand-in for Pos Indonesia's parcel API, for local runs and tests.
 *
 * <pre>
 * POST /shipments                     {"reference","recipientName","address","postalCode","phone"}
 *                                     -> 201 {"trackingNumber","reference","status":"CREATED","history":[...]}
 *                                        the same reference again -> 200 with the same shipment (idempotent)
 * GET  /shipments/{trackingNumber}    -> 200 the shipment with its current status and history; 404 unknown
 * POST /admin/shipments/{tn}/advance  -> moves one status on (tests)
 * POST /admin/shipments/{tn}/status   {"status":"RETURNED_TO_SENDER"} -> sets any status (tests)
 * POST /admin/failure                 {"mode":"NONE" | "UNAVAILABLE" | "HANG"} -> every /shipments call answers
 *                                     503 with Retry-After, or hangs (until released), or works again
 * POST /admin/latency                 {"minMillis":50,"maxMillis":300} -> latency of every /shipments call
 * GET  /admin/health                  -> 200 {"status":"UP"}
 * </pre>
 *
 * Statuses in order: CREATED (data entered at the counter), PICKED_UP (collected from the sender), IN_TRANSIT
 * (at the sorting centre), OUT_FOR_DELIVERY (with the courier), DELIVERED (received); RETURNED_TO_SENDER only by
 * the admin call. A shipment advances one status every {@code stepEvery} by itself (time-based, computed on read)
 * and also on the admin call. Tracking numbers look like Pos Indonesia's: {@code P} + yyMMdd + 7 digits.
 */
public final class PosStub implements AutoCloseable {

    public static final int DEFAULT_PORT = 8092;
    public static final List<String> STATUSES = List.of("CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY",
            "DELIVERED");
    public static final String RETURNED = "RETURNED_TO_SENDER";

    /** What every /shipments call does now. */
    public enum FailureMode {
        NONE, UNAVAILABLE, HANG
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final Clock clock;
    private final Duration stepEvery;
    private final Map<String, Shipment> byTracking = new ConcurrentHashMap<>();
    private final Map<String, String> trackingByReference = new ConcurrentHashMap<>();
    private final AtomicLong serial = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 5_000_000));
    private final AtomicReference<FailureMode> failure = new AtomicReference<>(FailureMode.NONE);
    private volatile long minLatencyMillis;
    private volatile long maxLatencyMillis;
    private final Object hang = new Object();
    private HttpServer server;

    private static final class Shipment {
        final String trackingNumber;
        final String reference;
        final String recipientName;
        final String address;
        final String postalCode;
        final Instant createdAt;
        /** Steps added by the admin call on top of the time-based ones. */
        int manualSteps;
        /** Set by the admin call; overrides the computed status. */
        String forcedStatus;
        final List<Map<String, String>> history = new ArrayList<>();

        Shipment(String trackingNumber, String reference, String recipientName, String address, String postalCode,
                Instant createdAt) {
            this.trackingNumber = trackingNumber;
            this.reference = reference;
            this.recipientName = recipientName;
            this.address = address;
            this.postalCode = postalCode;
            this.createdAt = createdAt;
        }
    }

    public PosStub() {
        this(Duration.ofSeconds(30), Clock.systemUTC());
    }

    /** {@code stepEvery}: how long each status lasts by itself ({@code Duration.ZERO}: only the admin call moves it). */
    public PosStub(Duration stepEvery, Clock clock) {
        this.stepEvery = stepEvery;
        this.clock = clock;
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(env("POS_STUB_PORT", args.length > 0 ? args[0] : String.valueOf(DEFAULT_PORT)));
        Duration step = Duration.parse(env("POS_STUB_STEP", "PT30S"));
        PosStub stub = new PosStub(step, Clock.systemUTC());
        stub.latency(Long.parseLong(env("POS_STUB_MIN_LATENCY_MS", "50")),
                Long.parseLong(env("POS_STUB_MAX_LATENCY_MS", "300")));
        // loopback unless told otherwise (a container sets POS_STUB_HOST=0.0.0.0)
        stub.start(env("POS_STUB_HOST", "127.0.0.1"), port);
        System.out.println("Pos Indonesia stub on port " + stub.port() + " (status step " + step + ")");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Starts listening on {@code port} (0: any free port, see {@link #port()}). */
    public PosStub start(int port) throws IOException {
        return start("127.0.0.1", port);
    }

    /** Starts listening on {@code host:port}. */
    public PosStub start(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "pos-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/shipments", this::shipments);
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

    public void failure(FailureMode mode) {
        failure.set(mode);
        if (mode != FailureMode.HANG) {
            synchronized (hang) {
                hang.notifyAll();
            }
        }
    }

    public void latency(long minMillis, long maxMillis) {
        this.minLatencyMillis = Math.max(0, minMillis);
        this.maxLatencyMillis = Math.max(this.minLatencyMillis, maxMillis);
    }

    /** The current status of a shipment, or null when unknown. */
    public String status(String trackingNumber) {
        Shipment s = byTracking.get(trackingNumber);
        return s == null ? null : statusOf(s);
    }

    /** Moves a shipment one status on; returns the new status (null when unknown). */
    public String advance(String trackingNumber) {
        Shipment s = byTracking.get(trackingNumber);
        if (s == null) {
            return null;
        }
        synchronized (s) {
            s.manualSteps++;
            return statusOf(s);
        }
    }

    public int shipments() {
        return byTracking.size();
    }

    @Override
    public void close() {
        failure(FailureMode.NONE);
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private void shipments(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!delayOrFail(exchange)) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/shipments") || path.equals("/shipments/")) {
                if (!"POST".equals(method)) {
                    send(exchange, 405, Map.of("error", "method not allowed"));
                    return;
                }
                create(exchange);
                return;
            }
            String tracking = path.substring("/shipments/".length());
            if (!"GET".equals(method)) {
                send(exchange, 405, Map.of("error", "method not allowed"));
                return;
            }
            Shipment s = byTracking.get(tracking);
            if (s == null) {
                send(exchange, 404, Map.of("error", "unknown tracking number", "trackingNumber", tracking));
                return;
            }
            send(exchange, 200, view(s));
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in);
        } catch (IOException e) {
            send(exchange, 400, Map.of("error", "body is not JSON"));
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("reference", "recipientName", "address", "postalCode")) {
            if (body == null || !body.hasNonNull(field) || body.get(field).asText().isBlank()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            send(exchange, 400, Map.of("error", "missing fields", "fields", missing));
            return;
        }
        String reference = body.get("reference").asText();
        String[] created = { null };
        String tracking = trackingByReference.computeIfAbsent(reference, r -> {
            String tn = "P" + LocalDate.now(clock.withZone(WIB)).format(DateTimeFormatter.ofPattern("yyMMdd"))
                    + String.format("%07d", serial.incrementAndGet() % 10_000_000);
            Shipment s = new Shipment(tn, r, body.get("recipientName").asText(), body.get("address").asText(),
                    body.get("postalCode").asText(), clock.instant());
            byTracking.put(tn, s);
            created[0] = tn;
            return tn;
        });
        send(exchange, created[0] != null ? 201 : 200, view(byTracking.get(tracking)));
    }

    private void admin(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            JsonNode body = null;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readAllBytes();
                if (bytes.length > 0) {
                    body = JSON.readTree(bytes);
                }
            } catch (IOException e) {
                send(exchange, 400, Map.of("error", "body is not JSON"));
                return;
            }
            if (path.equals("/admin/health")) {
                send(exchange, 200, Map.of("status", "UP"));
            } else if (path.equals("/admin/failure") && body != null && body.hasNonNull("mode")) {
                try {
                    failure(FailureMode.valueOf(body.get("mode").asText()));
                } catch (IllegalArgumentException e) {
                    send(exchange, 400, Map.of("error", "mode must be NONE, UNAVAILABLE or HANG"));
                    return;
                }
                send(exchange, 200, Map.of("mode", failure.get().name()));
            } else if (path.equals("/admin/latency") && body != null) {
                latency(body.path("minMillis").asLong(0), body.path("maxMillis").asLong(0));
                send(exchange, 200, Map.of("minMillis", minLatencyMillis, "maxMillis", maxLatencyMillis));
            } else if (path.startsWith("/admin/shipments/") && path.endsWith("/advance")) {
                String tn = path.substring("/admin/shipments/".length(), path.length() - "/advance".length());
                String status = advance(tn);
                if (status == null) {
                    send(exchange, 404, Map.of("error", "unknown tracking number"));
                } else {
                    send(exchange, 200, view(byTracking.get(tn)));
                }
            } else if (path.startsWith("/admin/shipments/") && path.endsWith("/status") && body != null
                    && body.hasNonNull("status")) {
                String tn = path.substring("/admin/shipments/".length(), path.length() - "/status".length());
                Shipment s = byTracking.get(tn);
                String status = body.get("status").asText();
                if (s == null) {
                    send(exchange, 404, Map.of("error", "unknown tracking number"));
                } else if (!STATUSES.contains(status) && !RETURNED.equals(status)) {
                    send(exchange, 400, Map.of("error", "unknown status", "statuses", STATUSES));
                } else {
                    synchronized (s) {
                        s.forcedStatus = status;
                    }
                    send(exchange, 200, view(s));
                }
            } else {
                send(exchange, 404, Map.of("error", "unknown admin call"));
            }
        }
    }

    /** Applies the latency and the failure switch; false when the call was answered with a failure. */
    private boolean delayOrFail(HttpExchange exchange) throws IOException {
        long max = maxLatencyMillis;
        long pause = max == 0 ? 0 : ThreadLocalRandom.current().nextLong(minLatencyMillis, max + 1);
        try {
            if (pause > 0) {
                Thread.sleep(pause);
            }
            if (failure.get() == FailureMode.HANG) {
                synchronized (hang) {
                    while (failure.get() == FailureMode.HANG) {
                        hang.wait(1000);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (failure.get() == FailureMode.UNAVAILABLE) {
            exchange.getResponseHeaders().add("Retry-After", "5");
            send(exchange, 503, Map.of("error", "Pos Indonesia service temporarily unavailable"));
            return false;
        }
        return true;
    }

    private String statusOf(Shipment s) {
        synchronized (s) {
            if (s.forcedStatus != null) {
                return s.forcedStatus;
            }
            long timed = stepEvery.isZero() ? 0
                    : Duration.between(s.createdAt, clock.instant()).toMillis() / Math.max(1, stepEvery.toMillis());
            int index = (int) Math.min(STATUSES.size() - 1, timed + s.manualSteps);
            String status = STATUSES.get(index);
            recordHistory(s, index);
            return status;
        }
    }

    /** History entries for every status reached so far (at the time it was first observed). */
    private void recordHistory(Shipment s, int index) {
        while (s.history.size() <= index) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("status", STATUSES.get(s.history.size()));
            entry.put("at", clock.instant().toString());
            s.history.add(entry);
        }
    }

    private Map<String, Object> view(Shipment s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trackingNumber", s.trackingNumber);
        out.put("reference", s.reference);
        out.put("recipientName", s.recipientName);
        out.put("postalCode", s.postalCode);
        out.put("status", statusOf(s));
        synchronized (s) {
            out.put("history", List.copyOf(s.history));
        }
        out.put("createdAt", s.createdAt.toString());
        return out;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
