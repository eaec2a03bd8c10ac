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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "keys" -> keys(Path.of(args[1]));
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

    static List<Planned> plan(Path dir, int n, String[] offices, LocalDate from, int days) throws Exception {
        PrivateKey key = key(dir);
        List<Planned> planned = new ArrayList<>(n);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            String office = offices[random.nextInt(offices.length)];
            LocalDate date = from.plusDays(random.nextInt(days));
            String session = days == 1 && offices.length == 1 ? "MORNING" : (random.nextBoolean() ? "MORNING" : "AFTERNOON");
            String nik = "32" + String.format("%014d", random.nextLong(100_000_000_000_000L));
            planned.add(new Planned(jwt(key, "bench-" + UUID.randomUUID(), "applicant"), "{\"officeCode\":\"" + office
                    + "\",\"date\":\"" + date + "\",\"session\":\"" + session + "\",\"service\":\"REGULAR\",\"niks\":[\""
                    + nik + "\"]}"));
        }
        return planned;
    }

    /** Closed loop: {@code concurrency} clients, each sends its next hold when the previous one answered. */
    static void closed(String base, Path dir, String name, int requests, int concurrency, String[] offices,
            LocalDate from, int days) throws Exception {
        List<Planned> planned = plan(dir, requests, offices, from, days);
        URI uri = URI.create(base + "/holds");
        long[] latencies = new long[requests];
        int[] statuses = new int[requests];
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<?>> all = new ArrayList<>(requests);
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            permits.acquire();
            int index = i;
            long sent = System.nanoTime();
            all.add(HTTP.sendAsync(request(uri, planned.get(i)), HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        latencies[index] = System.nanoTime() - sent;
                        statuses[index] = failure == null ? response.statusCode() : -1;
                        permits.release();
                        return null;
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        report(name, "concurrency=" + concurrency, latencies, statuses, System.nanoTime() - start);
    }

    /** Open loop: holds sent at a fixed rate whatever the answers, so latency is measured at that rate. */
    static void paced(String base, Path dir, String name, int rate, int seconds, String[] offices, LocalDate from,
            int days) throws Exception {
        int requests = rate * seconds;
        List<Planned> planned = plan(dir, requests, offices, from, days);
        URI uri = URI.create(base + "/holds");
        long[] latencies = new long[requests];
        int[] statuses = new int[requests];
        CompletableFuture<?>[] all = new CompletableFuture<?>[requests];
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        CompletableFuture<Void> sentAll = new CompletableFuture<>();
        ticker.scheduleAtFixedRate(() -> {
            long due = (System.nanoTime() - start) / periodNanos + 1;
            while (next.get() < Math.min(due, requests)) {
                int index = next.getAndIncrement();
                long intended = start + index * periodNanos;   // latency from the intended send time (no coordinated omission)
                all[index] = HTTP.sendAsync(request(uri, planned.get(index)), HttpResponse.BodyHandlers.discarding())
                        .handle((response, failure) -> {
                            latencies[index] = System.nanoTime() - intended;
                            statuses[index] = failure == null ? response.statusCode() : -1;
                            return null;
                        });
            }
            if (next.get() >= requests) {
                sentAll.complete(null);
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        sentAll.join();
        ticker.shutdownNow();
        CompletableFuture.allOf(all).join();
        report(name, "target=" + rate + "/s", latencies, statuses, System.nanoTime() - start);
    }

    static HttpRequest request(URI uri, Planned p) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + p.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(p.body())).build();
    }

    static void report(String name, String load, long[] latencies, int[] statuses, long elapsedNanos) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int created = 0, full = 0, other = 0;
        for (int s : statuses) {
            if (s == 201) {
                created++;
            } else if (s == 409) {
                full++;
            } else {
                other++;
            }
        }
        double seconds = elapsedNanos / 1e9;
        System.out.printf("RESULT %-8s %s requests=%d in %.1fs -> %.0f req/s, holds=%d (%.0f holds/s), refused(409)=%d,"
                + " other=%d, p50=%.1fms p99=%.1fms max=%.1fms%n", name, load, statuses.length, seconds,
                statuses.length / seconds, created, created / seconds, full, other, pct(sorted, 0.50), pct(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
