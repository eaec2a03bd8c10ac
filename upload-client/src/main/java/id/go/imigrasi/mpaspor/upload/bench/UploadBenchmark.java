package id.go.imigrasi.mpaspor.upload.bench;

import id.go.imigrasi.mpaspor.upload.bench.UploadVerifier.Verdict;
import id.go.imigrasi.mpaspor.upload.client.RetryPolicy;
import id.go.imigrasi.mpaspor.upload.client.TusUploadException;
import id.go.imigrasi.mpaspor.upload.client.TusUploader;
import id.go.imigrasi.mpaspor.upload.client.UploadListener;
import id.go.imigrasi.mpaspor.upload.client.UploadResult;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The upload benchmark of issue 5: N concurrent clients (default 1,000) each upload a generated 1 MiB file in
 * 256 KiB chunks with {@link TusUploader}, all starting at the same moment (the 4 am spike), and the run prints
 * uploads completed / failed / corrupted, requests over 2 s, p50/p99 latency of accepted (2xx) and shed (429/503)
 * requests, aggregate MB/s, and the machine's raw disk write rate measured in the same run.
 *
 * <p><b>Threads.</b> Each client runs the blocking uploader on its own platform thread (a fixed pool, one thread
 * per client by default, 256 KiB stacks), all sharing one {@link HttpClient}. Java 17 has no virtual threads; the
 * alternative, the asynchronous HttpClient API, would mean rewriting the uploader's retry loop as a chain of
 * futures and scheduled delays, only to save threads that spend their time parked in a socket read or a backoff
 * sleep. A thousand parked platform threads cost about 1,000 small stacks and no CPU, and the code measured is
 * exactly the client integrators use.
 *
 * <p>The run ends by itself: every upload has the run's deadline as its own, and the pool is stopped when the
 * deadline (plus a short grace) has passed; uploads still running then count as failed ("UNFINISHED").
 */
public final class UploadBenchmark {

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Runs the command line: parses the arguments, starts the self-test server when asked, runs, prints.
     *
     * @return the exit status: 0 when every upload completed uncorrupted, 1 when not, 2 for a usage error
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) throws IOException,
            InterruptedException {
        BenchmarkConfig config;
        try {
            config = BenchmarkConfig.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(BenchmarkConfig.USAGE);
            return 2;
        }
        BenchmarkReport report;
        if (config.selfTest()) {
            Optional<SelfTestTarget.Factory> factory = ServiceLoader.load(SelfTestTarget.Factory.class).findFirst();
            if (factory.isEmpty()) {
                err.println("--self-test needs the module's test classes on the class path "
                        + "(load/bench/upload/run.sh --self-test puts them there)");
                return 2;
            }
            try (SelfTestTarget target = factory.get().start(config.selfTestMaxPatches())) {
                BenchmarkConfig withTarget = config.with(b -> {
                    b.endpoint = target.endpoint();
                    b.verifyHeader = target.sha256Header();
                });
                out.println("self-test: tus test server at " + target.endpoint() + ", at most "
                        + config.selfTestMaxPatches() + " concurrent PATCHes");
                report = run(withTarget, identities(withTarget), verifier(withTarget), out);
            }
        } else {
            report = run(config, identities(config), verifier(config), out);
        }
        return report.completed() == report.clients() && report.corrupted() == 0 ? 0 : 1;
    }

    private static Supplier<ClientIdentity> identities(BenchmarkConfig config) throws IOException {
        return config.identitiesFile() != null
                ? ClientIdentity.fromFile(config.identitiesFile())
                : ClientIdentity.synthetic(config.bearerToken());
    }

    private static UploadVerifier verifier(BenchmarkConfig config) {
        return config.verifyHeader() != null
                ? UploadVerifier.headHeader(httpClient(), config.verifyHeader())
                : UploadVerifier.NONE;
    }

    private static HttpClient httpClient() {
        return TusUploader.defaultHttpClient();
    }

    /**
     * Runs the benchmark and prints its progress and figures to {@code out}.
     *
     * @param identities asked once per client, in client order
     * @param verifier   asked once per completed upload
     */
    public static BenchmarkReport run(BenchmarkConfig config, Supplier<ClientIdentity> identities,
            UploadVerifier verifier, PrintStream out) throws IOException, InterruptedException {
        out.printf("upload benchmark: %d clients x %d KiB in %d KiB chunks -> %s (threads %d, HttpClients %d, "
                        + "deadline %s)%n", config.clients(), config.fileBytes() / 1024, config.chunkBytes() / 1024,
                config.endpoint(), config.effectiveThreads(), config.effectiveHttpClients(), config.deadline());

        double diskMbPerSecond = Double.NaN;
        if (config.diskProbeBytes() > 0) {
            diskMbPerSecond = DiskWriteProbe.measureMbPerSecond(config.diskProbeDir(), config.diskProbeBytes());
            out.printf("raw disk write: %d MiB + fsync in %s: %.1f MB/s%n", config.diskProbeBytes() >> 20,
                    config.diskProbeDir(), diskMbPerSecond);
        }

        if (config.warmUpUploads() > 0) {
            Duration took = WarmUp.run(config.warmUpUploads(), config.fileBytes(), config.chunkBytes());
            out.printf(Locale.ROOT, "warm-up: %d uploads against a tus stub in this process, %.1f s%n",
                    config.warmUpUploads(), took.toNanos() / 1e9);
        }

        Figures figures = new Figures(config.slowRequest(), config.exchangesFile() != null);
        HttpClient[] http = new HttpClient[config.effectiveHttpClients()];
        Arrays.setAll(http, n -> httpClient());
        RetryPolicy policy = RetryPolicy.defaults().withBase(config.retryBase()).withCap(config.retryCap());
        CountDownLatch startGate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(config.effectiveThreads(), threads("bench-client"));
        long[] runDeadline = new long[1];
        for (int i = 0; i < config.clients(); i++) {
            ClientIdentity identity = identities.get();
            GeneratedContent content = new GeneratedContent(i + 1L, config.fileBytes());
            HttpClient client = http[i % http.length];
            UploadListener listener = figures.forClient(i);
            pool.execute(() -> uploadOne(config, identity, content, verifier, client, policy, listener, figures,
                    startGate, runDeadline));
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(threads("bench-progress"));
        long started = System.nanoTime();
        figures.started = started;
        runDeadline[0] = started + config.deadline().toNanos();
        startGate.countDown();
        ticker.scheduleAtFixedRate(() -> out.printf("  %5.0f s: %d completed, %d failed, %d requests, %d shed%n",
                (System.nanoTime() - started) / 1e9, figures.completed.get(), figures.failed(),
                figures.requests.get(), figures.shed.count()), 5, 5, TimeUnit.SECONDS);
        pool.shutdown();
        boolean finished = pool.awaitTermination(config.deadline().plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        ticker.shutdownNow();
        if (!finished) {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
        int unfinished = config.clients() - figures.completed.get() - figures.failed();
        if (unfinished > 0) {
            figures.failures.merge("UNFINISHED", unfinished, Integer::sum);
        }

        BenchmarkReport report = figures.report(config.clients(), wall, diskMbPerSecond);
        if (config.exchangesFile() != null) {
            figures.writeExchanges(config.exchangesFile());
            out.println("exchanges written to " + config.exchangesFile());
        }
        out.println();
        out.print(report.format());
        return report;
    }

    private static void uploadOne(BenchmarkConfig config, ClientIdentity identity, GeneratedContent content,
            UploadVerifier verifier, HttpClient http, RetryPolicy policy, UploadListener listener, Figures figures,
            CountDownLatch startGate, long[] runDeadline) {
        try {
            startGate.await();
            Duration left = Duration.ofNanos(runDeadline[0] - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                figures.fail("NOT_STARTED");
                return;
            }
            TusUploader uploader = TusUploader.builder()
                    .endpoint(config.endpoint())
                    .httpClient(http)
                    .bearerToken(identity.bearerToken())
                    .chunkSize(config.chunkBytes())
                    .deadline(left)
                    .requestTimeout(config.requestTimeout())
                    .retryPolicy(policy)
                    .progress(listener)
                    .build();
            UploadResult result = uploader.upload(content.open(), content.length(), identity.metadata());
            figures.completed(result, verifier.verify(result, content.sha256Hex(), identity));
        } catch (TusUploadException e) {
            figures.fail(e.reason() + (e.lastStatus() > 0 ? " " + e.lastStatus() : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            figures.fail(e.getClass().getSimpleName());
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), 256 * 1024);
            t.setDaemon(true);
            return t;
        };
    }

    /** Counters shared by all clients; also the listener of every uploader. */
    private static final class Figures implements UploadListener {
        private final Duration slowThreshold;
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger slow = new AtomicInteger();
        private final AtomicInteger noAnswer = new AtomicInteger();
        private final AtomicInteger retries = new AtomicInteger();
        private final AtomicInteger completed = new AtomicInteger();
        private final AtomicInteger corrupted = new AtomicInteger();
        private final AtomicInteger verified = new AtomicInteger();
        private final AtomicLong bytes = new AtomicLong();
        private final LatencyStats accepted = new LatencyStats();
        private final LatencyStats shed = new LatencyStats();
        private final LatencyStats uploads = new LatencyStats();
        private final Map<String, Integer> failures = new ConcurrentHashMap<>();
        private final Map<String, LatencyStats> shedByMethod = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> exchanges = new ConcurrentLinkedQueue<>();
        private final boolean logExchanges;
        private volatile long started = System.nanoTime();

        Figures(Duration slowThreshold, boolean logExchanges) {
            this.slowThreshold = slowThreshold;
            this.logExchanges = logExchanges;
        }

        /** The listener of one client's uploader: these figures, and each request in the exchange log. */
        UploadListener forClient(int client) {
            Figures figures = this;
            return new UploadListener() {
                @Override
                public void onExchange(Exchange exchange) {
                    long end = System.nanoTime();
                    if (logExchanges) {
                        exchanges.add(String.format(Locale.ROOT, "%d,%s,%d,%.3f,%.3f", client, exchange.method(),
                                exchange.status(), (end - exchange.latency().toNanos() - started) / 1e6,
                                exchange.latency().toNanos() / 1e6));
                    }
                    figures.onExchange(exchange);
                }

                @Override
                public void onRetry(RetryNotice notice) {
                    figures.onRetry(notice);
                }
            };
        }

        void writeExchanges(Path file) throws IOException {
            List<String> lines = new ArrayList<>(exchanges.size() + 1);
            lines.add("client,method,status,start_ms,latency_ms");
            lines.addAll(exchanges);
            Files.write(file, lines);
        }

        @Override
        public void onExchange(Exchange exchange) {
            requests.incrementAndGet();
            if (exchange.latency().compareTo(slowThreshold) > 0) {
                slow.incrementAndGet();
            }
            int status = exchange.status();
            if (status == TusUploader.NO_ANSWER) {
                noAnswer.incrementAndGet();
            } else if (status / 100 == 2) {
                accepted.record(exchange.latency());
            } else if (status == 429 || status == 503) {
                shed.record(exchange.latency());
                shedByMethod.computeIfAbsent(exchange.method(), m -> new LatencyStats()).record(exchange.latency());
            }
        }

        @Override
        public void onRetry(RetryNotice notice) {
            retries.incrementAndGet();
        }

        void completed(UploadResult result, Verdict verdict) {
            completed.incrementAndGet();
            bytes.addAndGet(result.bytes());
            uploads.record(result.elapsed());
            if (verdict == Verdict.CORRUPTED) {
                corrupted.incrementAndGet();
            } else if (verdict == Verdict.VERIFIED) {
                verified.incrementAndGet();
            }
        }

        void fail(String reason) {
            failures.merge(reason, 1, Integer::sum);
        }

        int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        BenchmarkReport report(int clients, Duration wall, double diskMbPerSecond) {
            return new BenchmarkReport(clients, completed.get(), failed(), corrupted.get(), verified.get(),
                    new TreeMap<>(failures), requests.get(), slow.get(), slowThreshold, noAnswer.get(),
                    retries.get(), accepted.count(), accepted.percentileMillis(50), accepted.percentileMillis(99),
                    shed.count(), shed.percentileMillis(50), shed.percentileMillis(99),
                    uploads.percentileMillis(50), uploads.percentileMillis(99), bytes.get(), wall, diskMbPerSecond,
                    byMethod(shedByMethod));
        }

        private static Map<String, BenchmarkReport.Latencies> byMethod(Map<String, LatencyStats> stats) {
            Map<String, BenchmarkReport.Latencies> result = new TreeMap<>();
            stats.forEach((method, l) -> result.put(method, new BenchmarkReport.Latencies(l.count(),
                    l.percentileMillis(50), l.percentileMillis(99))));
            return result;
        }
    }
}
