package id.go.imigrasi.mpaspor.upload.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one benchmark run does. Defaults follow issue 5: 1,000 clients, 1 MiB each in 256 KiB chunks, requests over
 * 2 s counted as slow, a 256 MiB disk probe.
 *
 * @param endpoint        the tus creation URL ({@code null} only with {@code selfTest})
 * @param clients         concurrent clients, one upload each
 * @param threads         platform threads running them (default: one per client)
 * @param fileBytes       bytes each client uploads
 * @param chunkBytes      bytes per PATCH
 * @param deadline        the whole run ends by then: every upload's own deadline
 * @param requestTimeout  the most one HTTP request may take
 * @param slowRequest     requests slower than this are counted
 * @param retryBase       backoff base
 * @param retryCap        backoff cap
 * @param bearerToken     the token for synthetic identities, or {@code null}
 * @param identitiesFile  {@code token,applicationId,applicantId[,documentType]} per line, or {@code null}
 * @param verifyHeader    HEAD header with the server's SHA-256 of a finished upload, or {@code null}
 * @param diskProbeBytes  bytes written (and fsynced) to measure the disk; 0 skips the probe
 * @param diskProbeDir    where the probe writes
 * @param selfTest        start the test-sources tus server and run against it
 * @param selfTestMaxPatches the self-test server's concurrent PATCH limit
 * @param httpClients     HttpClient instances the clients are spread over (each has one selector thread); 0 = one
 *                        per {@link #CLIENTS_PER_HTTP_CLIENT} clients
 * @param exchangesFile   where to write every request (CSV: client, method, status, start, latency), or {@code null}
 * @param warmUpUploads   uploads run against an in-process tus stub before the spike, to warm up this JVM
 */
public record BenchmarkConfig(URI endpoint, int clients, int threads, long fileBytes, int chunkBytes,
        Duration deadline, Duration requestTimeout, Duration slowRequest, Duration retryBase, Duration retryCap,
        String bearerToken, Path identitiesFile, String verifyHeader, long diskProbeBytes, Path diskProbeDir,
        boolean selfTest, int selfTestMaxPatches, int httpClients, Path exchangesFile,
        int warmUpUploads) {

    public static final String USAGE = """
            Usage: UploadBenchmark <endpoint> [clients] [options]
                   UploadBenchmark --self-test [clients] [options]
              --endpoint URL          tus creation URL, e.g. http://localhost:8080/api/v1/uploads
              --clients N             concurrent clients (default 1000)
              --threads N             platform threads (default: one per client)
              --http-clients N        HttpClient instances the clients share in turn (default: one per 20
                                      clients; each has one selector thread doing the I/O of all its
                                      connections)
              --file-kb N             KiB per upload (default 1024)
              --chunk-kb N            KiB per PATCH (default 256)
              --deadline-s N          the run ends after N seconds (default 600)
              --request-timeout-s N   per request (default 30)
              --slow-ms N             count requests slower than this (default 2000)
              --retry-base-ms N       backoff base (default 1000)
              --retry-cap-ms N        backoff cap (default 30000)
              --token T               bearer token for every client
              --identities FILE       token,applicationId,applicantId[,documentType] per line
              --verify-header NAME    HEAD header carrying the server's SHA-256 of a finished upload
              --disk-probe-mb N       MiB written + fsynced to measure the disk (default 256, 0 = skip)
              --disk-probe-dir DIR    where to write it (default: java.io.tmpdir)
              --self-test             run against the test-sources tus server (needs test classes)
              --self-test-max-patches N  that server's concurrent PATCH limit (default 100)
              --warm-up-uploads N     before the spike, N uploads against a tus stub inside this process,
                                      so the clients' code is compiled (default 100, 0 = none; the
                                      server under test sees none of them)
              --exchanges FILE        write every request as CSV (client,method,status,start_ms,latency_ms),
                                      start relative to the start of the run
            """;

    /**
     * Clients per HttpClient by default. A real client has an HttpClient (and a selector thread) of its own; one
     * for 1000 clients made its selector thread part of every latency measured (2026-12-03, warm JVM: shed
     * p50/p99 41/147 ms with one, 26/88 ms with 50, same server).
     */
    public static final int CLIENTS_PER_HTTP_CLIENT = 20;

    public static BenchmarkConfig defaults(URI endpoint) {
        return new BenchmarkConfig(endpoint, 1000, 0, 1 << 20, 256 << 10, Duration.ofMinutes(10),
                Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(30), null,
                null, null, 256L << 20, Path.of(System.getProperty("java.io.tmpdir")), false, 100, 0, null, 100);
    }

    /** The HttpClient count actually used. */
    public int effectiveHttpClients() {
        return httpClients > 0
                ? httpClients
                : Math.max(1, (clients + CLIENTS_PER_HTTP_CLIENT - 1) / CLIENTS_PER_HTTP_CLIENT);
    }

    /** The thread count actually used. */
    public int effectiveThreads() {
        return threads > 0 ? Math.min(threads, clients) : clients;
    }

    public static BenchmarkConfig parse(String... args) {
        URI endpoint = null;
        Integer clients = null;
        List<String> positional = new ArrayList<>();
        BenchmarkConfig c = defaults(null);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                positional.add(a);
                continue;
            }
            if (a.equals("--self-test")) {
                c = c.with(b -> b.selfTest = true);
                continue;
            }
            if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException("help requested");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--endpoint" -> endpoint = URI.create(v);
                case "--clients" -> clients = positive(a, v);
                case "--threads" -> { int n = positive(a, v); c = c.with(b -> b.threads = n); }
                case "--http-clients" -> { int n = positive(a, v); c = c.with(b -> b.httpClients = n); }
                case "--file-kb" -> { long n = positive(a, v) * 1024L; c = c.with(b -> b.fileBytes = n); }
                case "--chunk-kb" -> { int n = positive(a, v) * 1024; c = c.with(b -> b.chunkBytes = n); }
                case "--deadline-s" -> { Duration d = Duration.ofSeconds(positive(a, v)); c = c.with(b -> b.deadline = d); }
                case "--request-timeout-s" -> {
                    Duration d = Duration.ofSeconds(positive(a, v));
                    c = c.with(b -> b.requestTimeout = d);
                }
                case "--slow-ms" -> { Duration d = Duration.ofMillis(positive(a, v)); c = c.with(b -> b.slow = d); }
                case "--retry-base-ms" -> {
                    Duration d = Duration.ofMillis(positive(a, v));
                    c = c.with(b -> b.retryBase = d);
                }
                case "--retry-cap-ms" -> { Duration d = Duration.ofMillis(positive(a, v)); c = c.with(b -> b.retryCap = d); }
                case "--token" -> c = c.with(b -> b.token = v);
                case "--identities" -> c = c.with(b -> b.identities = Path.of(v));
                case "--verify-header" -> c = c.with(b -> b.verifyHeader = v);
                case "--disk-probe-mb" -> {
                    long n = nonNegative(a, v) << 20;
                    c = c.with(b -> b.diskProbeBytes = n);
                }
                case "--disk-probe-dir" -> c = c.with(b -> b.diskProbeDir = Path.of(v));
                case "--exchanges" -> c = c.with(b -> b.exchangesFile = Path.of(v));
                case "--warm-up-uploads" -> { int n = nonNegative(a, v); c = c.with(b -> b.warmUpUploads = n); }
                case "--self-test-max-patches" -> {
                    int n = positive(a, v);
                    c = c.with(b -> b.selfTestMaxPatches = n);
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (!positional.isEmpty() && endpoint == null && !c.selfTest()) {
            endpoint = URI.create(positional.remove(0));
        }
        if (!positional.isEmpty() && clients == null) {
            clients = positive("clients", positional.remove(0));
        }
        if (!positional.isEmpty()) {
            throw new IllegalArgumentException("unexpected arguments " + positional);
        }
        if (endpoint == null && !c.selfTest()) {
            throw new IllegalArgumentException("an endpoint (or --self-test) is required");
        }
        URI e = endpoint;
        Integer n = clients;
        return c.with(b -> {
            b.endpoint = e;
            if (n != null) {
                b.clients = n;
            }
        });
    }

    private static int positive(String name, String value) {
        int n = nonNegative(name, value);
        if (n == 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return n;
    }

    private static int nonNegative(String name, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " expects a number: " + value);
        }
    }

    /** A copy with some fields changed. */
    public BenchmarkConfig with(java.util.function.Consumer<Builder> changes) {
        Builder b = new Builder(this);
        changes.accept(b);
        return b.build();
    }

    /** Mutable fields for {@link #with}. */
    public static final class Builder {
        public URI endpoint;
        public int clients;
        public int threads;
        public long fileBytes;
        public int chunkBytes;
        public Duration deadline;
        public Duration requestTimeout;
        public Duration slow;
        public Duration retryBase;
        public Duration retryCap;
        public String token;
        public Path identities;
        public String verifyHeader;
        public long diskProbeBytes;
        public Path diskProbeDir;
        public boolean selfTest;
        public int selfTestMaxPatches;
        public int httpClients;
        public Path exchangesFile;
        public int warmUpUploads;

        private Builder(BenchmarkConfig c) {
            endpoint = c.endpoint;
            clients = c.clients;
            threads = c.threads;
            fileBytes = c.fileBytes;
            chunkBytes = c.chunkBytes;
            deadline = c.deadline;
            requestTimeout = c.requestTimeout;
            slow = c.slowRequest;
            retryBase = c.retryBase;
            retryCap = c.retryCap;
            token = c.bearerToken;
            identities = c.identitiesFile;
            verifyHeader = c.verifyHeader;
            diskProbeBytes = c.diskProbeBytes;
            diskProbeDir = c.diskProbeDir;
            selfTest = c.selfTest;
            selfTestMaxPatches = c.selfTestMaxPatches;
            httpClients = c.httpClients;
            exchangesFile = c.exchangesFile;
            warmUpUploads = c.warmUpUploads;
        }

        private BenchmarkConfig build() {
            return new BenchmarkConfig(endpoint, clients, threads, fileBytes, chunkBytes, deadline, requestTimeout,
                    slow, retryBase, retryCap, token, identities, verifyHeader, diskProbeBytes, diskProbeDir,
                    selfTest, selfTestMaxPatches, httpClients, exchangesFile, warmUpUploads);
        }
    }
}
