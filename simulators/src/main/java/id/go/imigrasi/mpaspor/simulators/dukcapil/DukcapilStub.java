package id.go.imigrasi.mpaspor.simulators.dukcapil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Dukcapil's NIK lookup (the civil registry), for local runs and tests.
 *
 * <ul>
 * <li>{@code GET /nik/{nik}}: 200 with {@code {nik, fullName, birthDate, birthPlace, sex, phone}} for a seeded NIK (from
 * {@code dukcapil/seed.csv}), 404 {@code {"code":"NIK_NOT_FOUND"}} otherwise, after a realistic latency (30-120
 * ms by default).</li>
 * <li>{@code POST /admin/mode {"mode": "NORMAL"|"SLOW"|"FAIL"|"OVERLOADED", "latencyMs": 3000}}: NORMAL answers;
 * SLOW answers after {@code latencyMs}; FAIL answers 500; OVERLOADED answers 503 with Retry-After.</li>
 * <li>{@code POST /admin/nik} with a person's JSON adds a NIK; {@code GET /admin/stats} counts lookups.</li>
 * </ul>
 * Run alone: {@code java -cp target/classes:target/lib/* id.go.imigrasi.mpaspor.simulators.dukcapil.DukcapilStub
 * [port]} (default 8091); in a test: {@code DukcapilStub.start(0)}, then {@link #url()} and {@link #close()}.
 */
public final class DukcapilStub implements AutoCloseable {

    public static final int DEFAULT_PORT = 8091;

    /** How the stub answers lookups. */
    public enum Mode {
        NORMAL, SLOW, FAIL, OVERLOADED
    }

    /**
     * A person as the registry holds them. {@code phone}: the mobile number registered with the NIK (in Indonesia
     * a SIM card is registered with NIK and KK), where an owner proving a NIK is theirs gets a code; may be null.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String nik, String fullName, String birthDate, String birthPlace, String sex, String phone) {

        public Person(String nik, String fullName, String birthDate, String birthPlace, String sex) {
            this(nik, fullName, birthDate, birthPlace, sex, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Person> people = new HashMap<>();
    private final AtomicLong lookups = new AtomicLong();
    private volatile Mode mode = Mode.NORMAL;
    private volatile long slowLatencyMs = 3000;
    private volatile int minLatencyMs = 30;
    private volatile int maxLatencyMs = 120;

    private DukcapilStub(HttpServer server) {
        this.server = server;
        seed();
    }

    public static DukcapilStub start(int port) {
        try {
            // loopback unless told otherwise (a container sets DUKCAPIL_STUB_HOST=0.0.0.0)
            String host = System.getenv().getOrDefault("DUKCAPIL_STUB_HOST", "127.0.0.1");
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            DukcapilStub stub = new DukcapilStub(server);
            server.createContext("/nik/", stub::lookup);
            server.createContext("/admin/", stub::admin);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "dukcapil-stub");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Dukcapil stub on port " + port, e);
        }
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0])
                : Integer.parseInt(System.getenv().getOrDefault("DUKCAPIL_PORT", String.valueOf(DEFAULT_PORT)));
        DukcapilStub stub = start(port);
        System.out.println("Dukcapil stub on " + stub.url() + " with " + stub.people.size() + " seeded NIKs");
        Runtime.getRuntime().addShutdownHook(new Thread(stub::close));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Switch the answers: SLOW waits {@code latencyMs} before answering. */
    public void mode(Mode next, long latencyMs) {
        this.mode = next;
        this.slowLatencyMs = latencyMs;
    }

    public void mode(Mode next) {
        mode(next, slowLatencyMs);
    }

    public Mode mode() {
        return mode;
    }

    /** The normal answer time, drawn uniformly between the two bounds. */
    public void latency(int minMs, int maxMs) {
        this.minLatencyMs = minMs;
        this.maxLatencyMs = Math.max(minMs, maxMs);
    }

    /** Lookups received (whatever the answer). */
    public long lookups() {
        return lookups.get();
    }

    public synchronized void register(Person person) {
        people.put(person.nik(), person);
    }

    public synchronized boolean knows(String nik) {
        return people.containsKey(nik);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void lookup(HttpExchange exchange) throws IOException {
        try (exchange) {
            lookups.incrementAndGet();
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, Map.of("code", "METHOD_NOT_ALLOWED"));
                return;
            }
            String nik = exchange.getRequestURI().getPath().substring("/nik/".length());
            Mode now = mode;
            pause(now == Mode.SLOW ? slowLatencyMs
                    : ThreadLocalRandom.current().nextInt(minLatencyMs, maxLatencyMs + 1));
            switch (now) {
                case FAIL -> send(exchange, 500, Map.of("code", "INTERNAL_ERROR"));
                case OVERLOADED -> {
                    exchange.getResponseHeaders().add("Retry-After", "5");
                    send(exchange, 503, Map.of("code", "OVERLOADED"));
                }
                default -> {
                    Person p;
                    synchronized (this) {
                        p = people.get(nik);
                    }
                    if (p == null) {
                        send(exchange, 404, Map.of("code", "NIK_NOT_FOUND"));
                    } else {
                        send(exchange, 200, p);
                    }
                }
            }
        }
    }

    private void admin(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("POST".equals(method) && path.equals("/admin/mode")) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                Mode next;
                try {
                    next = Mode.valueOf(body.path("mode").asText(""));
                } catch (IllegalArgumentException e) {
                    send(exchange, 400, Map.of("code", "UNKNOWN_MODE", "modes", Mode.values()));
                    return;
                }
                mode(next, body.path("latencyMs").asLong(slowLatencyMs));
                send(exchange, 200, state());
            } else if ("POST".equals(method) && path.equals("/admin/nik")) {
                Person p = JSON.readValue(exchange.getRequestBody(), Person.class);
                if (p.nik() == null || !p.nik().matches("[0-9]{16}")) {
                    send(exchange, 400, Map.of("code", "NIK_FORMAT"));
                    return;
                }
                register(p);
                send(exchange, 201, p);
            } else if ("GET".equals(method) && path.equals("/admin/stats")) {
                send(exchange, 200, state());
            } else {
                send(exchange, 404, Map.of("code", "NOT_FOUND"));
            }
        }
    }

    private Map<String, Object> state() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", mode.name());
        out.put("slowLatencyMs", slowLatencyMs);
        out.put("lookups", lookups.get());
        synchronized (this) {
            out.put("seeded", people.size());
        }
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

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis); // the simulated registry's own answer time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void seed() {
        try (InputStream in = DukcapilStub.class.getResourceAsStream("/dukcapil/seed.csv")) {
            if (in == null) {
                throw new IllegalStateException("dukcapil/seed.csv missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                register(new Person(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim(),
                        f.length > 5 && !f[5].isBlank() ? f[5].trim() : null));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
