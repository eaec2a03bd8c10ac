package id.go.imigrasi.mpaspor.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Does an upload storm slow submissions (issue 24)? Applicants are first brought to the point of submission
 * ({@link SteadyStatePreparation}); then three phases of {@code isolation.submissions} submissions each, sent at
 * {@code isolation.rate}/s (open model, each on its own thread): alone, during a tus upload storm (the command in
 * {@code isolation.storm-command}, upload-client's benchmark, started first and given time to reach its PATCHes),
 * and alone again (a bracket: the machine may have changed in between).
 *
 * <p>Each submission is paired with two reads sent at the same moment by the same applicant: its application
 * ({@code GET /applications/{id}}, application-service) and its holds in quota-service ({@code GET /holds}). Until
 * issue 24 the uploads ran in application-service's JVM: if the storm slowed submissions and application reads much
 * more than the quota reads, the uploads hurt the applications side through what they shared in one JVM (event loop,
 * worker pool, connection pool, heap). Since upload-service is a process of its own, all three should slow alike, by
 * the machine's CPU only.
 *
 * <p>Prints per phase: p50/p95/p99/max of each series, non-2xx answers, and the CPU each process of the stack used
 * ({@code /proc/PID/stat}), as CPU-ms per submission and as ratios to the first phase.
 */
public final class UploadIsolation {

    private record Sample(String series, int status, double millis) {
    }

    private record Phase(String name, List<Sample> samples, Map<String, Long> cpuMillis, long wallMillis,
            double machineBusy) {
    }

    private final BenchConfig config;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String application;
    private final String quota;
    private final Path runDir;

    private UploadIsolation(BenchConfig config) {
        this.config = config;
        this.application = config.string("application.url", "http://127.0.0.1:8082");
        this.quota = config.string("quota.url", "http://127.0.0.1:8083");
        this.runDir = Path.of(config.string("run.dir", ".run"));
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.load();
        new UploadIsolation(config).run();
    }

    private void run() throws Exception {
        int perPhase = config.integer("isolation.submissions", 60);
        int warmUp = config.integer("isolation.warm-up", 5);
        double rate = config.decimal("isolation.rate", 5);
        String storm = config.string("isolation.storm-command", "");
        if (storm.isBlank()) {
            throw new IllegalStateException("isolation.storm-command is not set");
        }
        SteadyStatePreparation preparation = new SteadyStatePreparation(config);
        int wanted = warmUp + 3 * perPhase;
        System.out.printf("ISOLATION preparing %d applicants (application, applicant, documents accepted, hold)%n",
                wanted);
        SteadyStatePreparation.Outcome prepared = preparation.prepare(config.integer("isolation.from", 0), wanted);
        System.out.printf("ISOLATION prepared %d of %d in %d s; failures %s%n", prepared.ready().size(), wanted,
                prepared.took().toSeconds(), prepared.failures());
        List<SteadyStatePreparation.Ready> ready = prepared.ready();
        if (ready.size() < warmUp + 3) {
            throw new IllegalStateException("too few applicants ready to measure anything");
        }
        preparation.warmUp(ready.subList(0, warmUp));
        int n = Math.min(perPhase, (ready.size() - warmUp) / 3);
        List<Phase> phases = new ArrayList<>();
        phases.add(phase("alone", ready.subList(warmUp, warmUp + n), rate, null));
        phases.add(phase("upload storm", ready.subList(warmUp + n, warmUp + 2 * n), rate, storm));
        phases.add(phase("alone again", ready.subList(warmUp + 2 * n, warmUp + 3 * n), rate, null));
        report(phases, n, rate);
    }

    private Phase phase(String name, List<SteadyStatePreparation.Ready> applicants, double rate, String storm)
            throws Exception {
        Process stormProcess = null;
        if (storm != null) {
            Path log = Path.of(config.string("results.dir", "target")).resolve("isolation-storm.log");
            Files.createDirectories(log.getParent());
            stormProcess = new ProcessBuilder("bash", "-c", storm).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            System.out.printf("ISOLATION storm started (%s), output in %s%n", storm, log);
            awaitPatches(config.integer("isolation.storm-patches-before", 200), Duration.ofSeconds(120));
        }
        List<Sample> samples = new CopyOnWriteArrayList<>();
        Map<String, Long> cpuBefore = cpu();
        long[] machineBefore = machine();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newCachedThreadPool();
        long intervalNanos = (long) (1e9 / rate);
        for (int i = 0; i < applicants.size(); i++) {
            long due = started + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            SteadyStatePreparation.Ready r = applicants.get(i);
            pool.submit(() -> samples.add(timed("submit", "POST", application + "/applications/" + r.applicationId()
                    + "/submission", r.token(), "{\"holdId\":\"" + r.holdId() + "\"}")));
            pool.submit(() -> samples.add(timed("application read", "GET", application
                    + "/applications/" + r.applicationId(), r.token(), null)));
            pool.submit(() -> samples.add(timed("quota read (other JVM)", "GET", quota + "/holds", r.token(), null)));
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        long wall = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> cpuAfter = cpu();
        long[] machineAfter = machine();
        Map<String, Long> used = new ConcurrentHashMap<>(StackCpu.between(cpuBefore, cpuAfter));
        long busy = machineAfter[0] - machineBefore[0];
        long total = machineAfter[1] - machineBefore[1];
        if (stormProcess != null) {
            System.out.println("ISOLATION submissions done; waiting for the storm to finish");
            if (!stormProcess.waitFor(10, TimeUnit.MINUTES)) {
                stormProcess.destroy();
            }
        }
        return new Phase(name, samples, used, wall, total == 0 ? 0 : (double) busy / total);
    }

    /** Waits until upload-service has answered that many more PATCHes (its own metric), or the deadline. */
    private void awaitPatches(int more, Duration deadline) throws InterruptedException {
        long first = patches();
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end && patches() - first < more) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        System.out.printf("ISOLATION storm under way: %d PATCHes answered so far%n", patches() - first);
    }

    private long patches() {
        String direct = config.string("upload.direct-url", config.string("upload.url", "http://127.0.0.1:8088"));
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(direct + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")
                    && l.contains("method=\"PATCH\"")).mapToLong(l -> (long) Double.parseDouble(
                            l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private Sample timed(String series, String method, String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        long t0 = System.nanoTime();
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        return new Sample(series, status, (System.nanoTime() - t0) / 1e6);
    }

    /** CPU-ms (user + system) each process of the stack has used so far, PostgreSQL included. */
    private Map<String, Long> cpu() {
        return new ConcurrentHashMap<>(StackCpu.snapshot(runDir));
    }

    /** The machine's busy and total jiffies (all cores), from /proc/stat. */
    private static long[] machine() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long[] v = Arrays.stream(f).skip(1).mapToLong(Long::parseLong).toArray();
        long idle = v[3] + v[4];
        long total = Arrays.stream(v).limit(8).sum();
        return new long[] { total - idle, total };
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private void report(List<Phase> phases, int n, double rate) {
        System.out.printf(Locale.ROOT, "%nUpload isolation: %d submissions per phase at %.1f/s; each with an application"
                + " read (application-service) and a quota read (other JVM) sent at the same moment; the uploads go to"
                + " upload-service%n", n, rate);
        System.out.printf(Locale.ROOT, "%-14s %-28s %6s %8s %8s %8s %8s %6s%n", "phase", "series", "count", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "non2xx");
        Map<String, Double> baseP50 = new ConcurrentHashMap<>();
        Map<String, Double> baseP99 = new ConcurrentHashMap<>();
        for (Phase phase : phases) {
            for (String series : List.of("submit", "application read", "quota read (other JVM)")) {
                List<Double> ms = phase.samples().stream().filter(s -> s.series().equals(series) && s.status() / 100 == 2)
                        .map(Sample::millis).sorted().toList();
                long bad = phase.samples().stream().filter(s -> s.series().equals(series) && s.status() / 100 != 2)
                        .count();
                double p50 = percentile(ms, 50);
                double p99 = percentile(ms, 99);
                baseP50.putIfAbsent(series, p50);
                baseP99.putIfAbsent(series, p99);
                String statuses = phase.samples().stream()
                        .filter(s -> s.series().equals(series) && s.status() / 100 != 2)
                        .collect(java.util.stream.Collectors.groupingBy(
                                s -> s.status() < 0 ? "no answer in 30 s" : String.valueOf(s.status()),
                                java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                        .toString();
                System.out.printf(Locale.ROOT, "%-14s %-28s %6d %8.1f %8.1f %8.1f %8.1f %6d   p50 x%.2f p99 x%.2f%s%n",
                        phase.name(), series, ms.size(), p50, percentile(ms, 95), p99,
                        ms.isEmpty() ? Double.NaN : ms.get(ms.size() - 1), bad, p50 / baseP50.get(series),
                        p99 / baseP99.get(series), bad == 0 ? "" : "   non-2xx " + statuses);
            }
        }
        System.out.printf(Locale.ROOT, "%nCPU during each phase (ms; per submission = the process's CPU / %d)%n", n);
        Phase first = phases.get(0);
        for (Phase phase : phases) {
            long app = phase.cpuMillis().getOrDefault("application-service", 0L);
            long firstApp = first.cpuMillis().getOrDefault("application-service", 0L);
            System.out.printf(Locale.ROOT, "%-14s wall %6d ms, machine busy %5.1f %% of %d cores; application-service"
                    + " %6d CPU-ms = %6.1f CPU-ms per submission (x%.2f)%n", phase.name(), phase.wallMillis(),
                    100 * phase.machineBusy(), Runtime.getRuntime().availableProcessors(), app, (double) app / n,
                    firstApp == 0 ? Double.NaN : (double) app / firstApp);
            String others = phase.cpuMillis().entrySet().stream()
                    .filter(e -> !e.getKey().equals("application-service") && e.getValue() > 0)
                    .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + " " + e.getValue())
                    .reduce((a, b) -> a + ", " + b).orElse("-");
            System.out.printf("%-14s   others (CPU-ms): %s%n", "", others);
        }
    }
}
