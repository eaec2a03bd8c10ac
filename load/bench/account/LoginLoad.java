import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Closed-loop login load: {@code clients} clients, each logging in again as soon as it has its answer, for
 * {@code seconds} seconds, as one of {@code accounts} seeded accounts. Prints throughput and latency percentiles
 * per status. Usage: java LoginLoad.java BASE_URL CLIENTS SECONDS ACCOUNTS PASSWORD LABEL
 */
public class LoginLoad {
    public static void main(String[] args) throws Exception {
        URI login = URI.create(args[0] + "/auth/login");
        int clients = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        int accounts = Integer.parseInt(args[3]);
        String password = args[4];
        String label = args[5];
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, List<Long>> latencies = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    int n = ThreadLocalRandom.current().nextInt(accounts);
                    String body = "{\"email\":\"bench-" + n + "@bench.mpaspor.test\",\"password\":\"" + password + "\"}";
                    long t0 = System.nanoTime();
                    int status;
                    long retryAfterSeconds = 0;
                    try {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(login).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        status = response.statusCode();
                        retryAfterSeconds = response.headers().firstValueAsLong("Retry-After").orElse(0);
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies.computeIfAbsent(status, k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(System.nanoTime() - t0);
                    if (status == 503 || status == 429) {
                        // a polite client: honour Retry-After, with full jitter so that the retries spread out
                        long waitNanos = ThreadLocalRandom.current().nextLong(Math.max(1, retryAfterSeconds) * 1_000_000_000L);
                        java.util.concurrent.locks.LockSupport.parkNanos(waitNanos);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("== %s: %d clients, %.1f s%n", label, clients, elapsed);
        latencies.forEach((status, list) -> {
            List<Long> sorted = new ArrayList<>(list);
            Collections.sort(sorted);
            System.out.printf("%s status=%d count=%d rate=%.1f/s p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n", label,
                    status, sorted.size(), sorted.size() / elapsed, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    sorted.get(sorted.size() - 1) / 1e6);
        });
    }

    private static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
