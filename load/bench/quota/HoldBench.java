import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator of the quota-service hold benchmark (JDK only; run with {@code java HoldBench.java}).
 *
 * <pre>
 * java HoldBench.java keys &lt;dir&gt;                       # RSA key pair: dir/private.der, dir/public.pem
 * java HoldBench.java setup &lt;baseUrl&gt; &lt;dir&gt; &lt;office&gt; &lt;capacity&gt; &lt;from&gt; &lt;days&gt;
 * java HoldBench.java closed &lt;baseUrl&gt; &lt;dir&gt; &lt;name&gt; &lt;requests&gt; &lt;concurrency&gt; &lt;offices,..&gt; &lt;from&gt; &lt;days&gt;
 * java HoldBench.java paced &lt;baseUrl&gt; &lt;dir&gt; &lt;name&gt; &lt;rate/s&gt; &lt;seconds&gt; &lt;offices,..&gt; &lt;from&gt; &lt;days&gt;
 * </pre>
 * Every hold comes from its own account with its own NIK (as in a real spike); tokens are signed before the clock
 * starts. Prints one line of figures per run.
 */
public class HoldBench {

    /** For the set-up calls only; the measured holds go through {@link Connection}. */
    /** Closed-loop clients wait Retry-After x [1,2) after a 503, as real clients do (HONOUR_RETRY_AFTER=false: not). */
    static final boolean HONOUR_RETRY_AFTER = !"false".equals(System.getenv("HONOUR_RETRY_AFTER"));
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(2)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "keys" -> keys(Path.of(args[1]));
            case "applicants" -> applicants(args[1], Integer.parseInt(args[2]));
            case "setup" -> setup(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]), LocalDate.parse(args[5]),
                    Integer.parseInt(args[6]));
            case "closed" -> closed(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), args[6].split(","), LocalDate.parse(args[7]), Integer.parseInt(args[8]));
            case "paced" -> paced(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), args[6].split(","), LocalDate.parse(args[7]), Integer.parseInt(args[8]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    static void keys(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.write(dir.resolve("private.der"), pair.getPrivate().getEncoded());
        Files.writeString(dir.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }

    static String jwt(PrivateKey key, String subject, String group) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"https://mpaspor.imigrasi.go.id\",\"sub\":\"" + subject
                + "\",\"upn\":\"" + subject + "@bench.mpaspor.id\",\"groups\":[\"" + group + "\"],\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(rsa.sign());
    }

    static PrivateKey key(Path dir) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(
                dir.resolve("private.der"))));
    }

    static HttpResponse<String> call(String method, URI uri, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** REGULAR capacity {@code capacity} per session on every weekday, released now for {@code days} days. */
    static void setup(String base, Path dir, String office, int capacity, LocalDate from, int days) throws Exception {
        String admin = jwt(key(dir), "bench-admin", "admin");
        StringBuilder rules = new StringBuilder("{\"rules\":[");
        for (int day = 1; day <= 7; day++) {
            for (String session : List.of("MORNING", "AFTERNOON")) {
                rules.append(rules.length() > 10 ? "," : "").append("{\"weekday\":").append(day)
                        .append(",\"service\":\"REGULAR\",\"session\":\"").append(session).append("\",\"capacity\":")
                        .append(capacity).append("}");
            }
        }
        check(call("PUT", URI.create(base + "/admin/offices/" + office + "/rules"), admin, rules + "]}"), 200);
        check(call("POST", URI.create(base + "/admin/offices/" + office + "/releases"), admin, "{\"from\":\"" + from
                + "\",\"to\":\"" + from.plusDays(days - 1) + "\",\"releaseAt\":\"" + Instant.now().minusSeconds(1)
                + "\"}"), 201);
    }

    static void check(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ": " + response.statusCode() + " " + response.body());
        }
    }

    record Planned(String token, String body) {
    }

    /**
     * The account and NIK of the {@code i}-th hold of run {@code name}: each hold from its own account and NIK, the
     * same in {@link #plan} and in the rows {@code applicants} prints for run.sh to load into the projection of
     * application-service's ApplicantsChanged (quota-service holds only the NIKs of an account's applicants).
     */
    static String[] applicant(String name, int i) {
        int run = switch (name) {
            case "warmup" -> 1;
            case "warmfull" -> 2;
            case "hot" -> 3;
            case "spread" -> 4;
            case "paced" -> 5;
            default -> 9;
        };
        return new String[] { "bench-" + name + "-" + i, "3" + run + String.format("%014d", i) };
    }

    /** CSV lines {@code account,nik} of the {@code n} holds of run {@code name}. */
    static void applicants(String name, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String[] a = applicant(name, i);
            out.append(a[0]).append(',').append(a[1]).append('\n');
        }
        System.out.print(out);
    }

    static List<Planned> plan(Path dir, String name, int n, String[] offices, LocalDate from, int days)
            throws Exception {
        PrivateKey key = key(dir);
        List<Planned> planned = new ArrayList<>(n);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            String office = offices[random.nextInt(offices.length)];
            LocalDate date = from.plusDays(random.nextInt(days));
            String session = days == 1 && offices.length == 1 ? "MORNING" : (random.nextBoolean() ? "MORNING" : "AFTERNOON");
            String[] applicant = applicant(name, i);
            String nik = applicant[1];
            planned.add(new Planned(jwt(key, applicant[0], "applicant"), "{\"officeCode\":\"" + office
                    + "\",\"date\":\"" + date + "\",\"session\":\"" + session + "\",\"service\":\"REGULAR\",\"niks\":[\""
                    + nik + "\"]}"));
        }
        return planned;
    }

    /**
     * One keep-alive HTTP/1.1 connection, blocking: a request is one write and (usually) one read. Much cheaper
     * per request than java.net.http (no HTTP/2 upgrade, no hand-off between threads), so the load generator
     * takes as little of the machine's CPU as possible from the service it measures.
     */
    static final class Connection implements AutoCloseable {
        private final String host;
        private final int port;
        private final String path;
        private java.net.Socket socket;
        private java.io.InputStream in;
        private java.io.OutputStream out;
        private final byte[] buffer = new byte[16384];
        /** The Retry-After of the last answer (1 s when it had none). */
        long retryAfterMillis = 1000;

        Connection(URI uri) {
            this.host = uri.getHost();
            this.port = uri.getPort();
            this.path = uri.getRawPath();
        }

        /** POSTs the hold and returns the status code (-1 on a connection failure). */
        int post(Planned p) {
            byte[] body = p.body().getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer "
                    + p.token() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    if (socket == null) {
                        socket = new java.net.Socket(host, port);
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(30_000);
                        in = socket.getInputStream();
                        out = socket.getOutputStream();
                    }
                    byte[] request = new byte[head.length + body.length];
                    System.arraycopy(head, 0, request, 0, head.length);
                    System.arraycopy(body, 0, request, head.length, body.length);
                    out.write(request);
                    return readResponse();
                } catch (java.io.IOException e) {
                    close();   // a connection the server closed: one more try on a fresh one
                }
            }
            return -1;
        }

        /** Reads one response (status line, headers, Content-Length or chunked body) and returns its status. */
        private int readResponse() throws java.io.IOException {
            int filled = 0, headerEnd = -1;
            while (headerEnd < 0) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    throw new java.io.EOFException();
                }
                filled += n;
                for (int i = 3; i < filled; i++) {
                    if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                        headerEnd = i + 1;
                        break;
                    }
                }
            }
            String headers = new String(buffer, 0, headerEnd, StandardCharsets.US_ASCII);
            int status = Integer.parseInt(headers.substring(9, 12));
            String lower = headers.toLowerCase(java.util.Locale.ROOT);
            int at = lower.indexOf("content-length:");
            if (at >= 0) {
                int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf('\r', at)).trim());
                long remaining = length - (filled - headerEnd);
                while (remaining > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (n < 0) {
                        throw new java.io.EOFException();
                    }
                    remaining -= n;
                }
            } else if (lower.contains("transfer-encoding: chunked")) {
                String rest = new String(buffer, headerEnd, filled - headerEnd, StandardCharsets.US_ASCII);
                while (!rest.endsWith("0\r\n\r\n")) {
                    int n = in.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        throw new java.io.EOFException();
                    }
                    rest += new String(buffer, 0, n, StandardCharsets.US_ASCII);
                }
            }
            retryAfterMillis = retryAfterMillis(lower);
            if (lower.contains("connection: close")) {
                close();
            }
            return status;
        }

        /** Retry-After in seconds as our services send it; 1 s when absent or not a number (an HTTP date). */
        private static long retryAfterMillis(String lowerCaseHeaders) {
            int at = lowerCaseHeaders.indexOf("retry-after:");
            if (at < 0) {
                return 1000;
            }
            try {
                return Long.parseLong(lowerCaseHeaders.substring(at + 12, lowerCaseHeaders.indexOf('\r', at)).trim())
                        * 1000;
            } catch (NumberFormatException httpDate) {
                return 1000;
            }
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (java.io.IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    /** Closed loop: {@code concurrency} clients (a thread and a connection each), each sends its next hold when the
     * previous one answered. */
    static void closed(String base, Path dir, String name, int requests, int concurrency, String[] offices,
            LocalDate from, int days) throws Exception {
        List<Planned> planned = plan(dir, name, requests, offices, from, days);
        URI uri = URI.create(base + "/holds");
        long[] latencies = new long[requests];
        int[] statuses = new int[requests];
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(concurrency);
        var cpu = cpu();
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            Thread client = new Thread(() -> {
                try (Connection connection = new Connection(uri)) {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        statuses[i] = connection.post(planned.get(i));
                        latencies[i] = System.nanoTime() - sent;
                        if (statuses[i] == 503 && HONOUR_RETRY_AFTER) {
                            // as every client of ours does (the app, the load scenarios): wait Retry-After x [1,2)
                            // before the next request; a client that does not is a flood the limit cannot shrink
                            long pause = (long) (connection.retryAfterMillis * (1 + Math.random()));
                            java.util.concurrent.locks.LockSupport.parkNanos(pause * 1_000_000L);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            client.setDaemon(true);
            client.start();
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        report(name, "concurrency=" + concurrency, latencies, statuses, elapsed);
        reportCpu(name, cpu, elapsed);
    }

    /**
     * Open loop: holds due at a fixed rate whatever the answers; latency is measured from the time each was due (no
     * coordinated omission), so waiting for a free connection counts. {@code connections} bounds the holds in
     * flight (256).
     */
    static void paced(String base, Path dir, String name, int rate, int seconds, String[] offices, LocalDate from,
            int days) throws Exception {
        int requests = rate * seconds;
        int connections = Integer.parseInt(System.getenv().getOrDefault("PACED_CONNECTIONS", "256"));
        List<Planned> planned = plan(dir, name, requests, offices, from, days);
        URI uri = URI.create(base + "/holds");
        long[] latencies = new long[requests];
        int[] statuses = new int[requests];
        long periodNanos = 1_000_000_000L / rate;
        java.util.concurrent.BlockingQueue<Integer> due = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(requests);
        var cpu = cpu();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Thread client = new Thread(() -> {
                try (Connection connection = new Connection(uri)) {
                    while (true) {
                        int i = due.take();
                        statuses[i] = connection.post(planned.get(i));
                        latencies[i] = System.nanoTime() - (start + i * periodNanos);
                        done.countDown();
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            });
            client.setDaemon(true);
            client.start();
        }
        for (int i = 0; i < requests; i++) {
            long wait = start + i * periodNanos - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            due.add(i);
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        report(name, "target=" + rate + "/s", latencies, statuses, elapsed);
        reportCpu(name, cpu, elapsed);
    }

    static void report(String name, String load, long[] latencies, int[] statuses, long elapsedNanos) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int created = 0, full = 0, shed = 0, other = 0;
        for (int s : statuses) {
            if (s == 201) {
                created++;
            } else if (s == 409) {
                full++;
            } else if (s == 503) {
                shed++;
            } else {
                other++;
            }
        }
        double seconds = elapsedNanos / 1e9;
        System.out.printf("RESULT %-8s %s requests=%d in %.1fs -> %.0f req/s, holds=%d (%.0f holds/s), refused(409)=%d,"
                + " shed(503)=%d, other=%d, p50=%.1fms p99=%.1fms max=%.1fms%n", name, load, statuses.length, seconds,
                statuses.length / seconds, created, created / seconds, full, shed, other, pct(sorted, 0.50), pct(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    /**
     * CPU seconds (user + system) used so far by the load generator itself, the processes named in CPU_PIDS
     * ("name=pid ...") and every process called postgres: read from /proc (Linux), so a run can say where the two
     * cores went.
     */
    static java.util.LinkedHashMap<String, Double> cpu() {
        java.util.LinkedHashMap<String, Double> seconds = new java.util.LinkedHashMap<>();
        seconds.put("load generator", ticks(ProcessHandle.current().pid()));
        String pids = System.getenv().getOrDefault("CPU_PIDS", "");
        for (String named : pids.isBlank() ? new String[0] : pids.trim().split("\\s+")) {
            String[] parts = named.split("=");
            seconds.put(parts[0], ticks(Long.parseLong(parts[1])));
        }
        seconds.put("PostgreSQL", ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToDouble(p -> ticks(p.pid())).sum());
        return seconds;
    }

    static double ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;   // USER_HZ = 100
        } catch (Exception gone) {
            return 0;
        }
    }

    static void reportCpu(String name, java.util.Map<String, Double> before, long elapsedNanos) {
        java.util.Map<String, Double> after = cpu();
        double seconds = elapsedNanos / 1e9, used = 0;
        StringBuilder line = new StringBuilder();
        for (var e : after.entrySet()) {
            double d = Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0.0));
            used += d;
            line.append(String.format(", %s %.1f", e.getKey(), d));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("CPU    %-8s %.1fs x %d cores = %.1f CPU-s%s, rest %.1f%n", name, seconds, cores,
                seconds * cores, line, seconds * cores - used);
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
