package id.go.imigrasi.mpaspor.upload.bench;

import id.go.imigrasi.mpaspor.upload.client.TusUploader;
import id.go.imigrasi.mpaspor.upload.testserver.TusTestServer;
import id.go.imigrasi.mpaspor.upload.testserver.TusTestServer.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark driver, run for a few clients against the test-sources tus server. */
class UploadBenchmarkTest {

    @TempDir
    Path dir;

    private TusTestServer server;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws Exception {
        server = TusTestServer.start(16);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private BenchmarkConfig config(URI endpoint, int clients) {
        return BenchmarkConfig.parse(endpoint.toString(), Integer.toString(clients),
                        "--retry-base-ms", "100", "--retry-cap-ms", "1000", "--deadline-s", "120",
                        "--disk-probe-mb", "8", "--disk-probe-dir", dir.toString(),
                        "--verify-header", TusTestServer.SHA256_HEADER, "--warm-up-uploads", "0");
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyClientCompletesAgainstASheddingServerAndTheFiguresAddUp() throws Exception {
        server.maxConcurrentPatches(2);
        server.inject("PATCH", Fault.status(503, "1"), Fault.status(429, "1"), Fault.status(503, "1"));
        BenchmarkConfig config = config(server.endpoint(), 12);

        BenchmarkReport report = UploadBenchmark.run(config, ClientIdentity.synthetic("bench-token"),
                UploadVerifier.headHeader(TusUploader.defaultHttpClient(), TusTestServer.SHA256_HEADER), out);

        assertThat(report.clients()).isEqualTo(12);
        assertThat(report.completed()).isEqualTo(12);
        assertThat(report.failed()).isZero();
        assertThat(report.corrupted()).isZero();
        assertThat(report.verified()).isEqualTo(12);
        assertThat(report.bytesUploaded()).isEqualTo(12L << 20);
        assertThat(report.aggregateMbPerSecond()).isPositive();
        assertThat(report.diskWriteMbPerSecond()).isPositive();

        // the client's view of the exchanges is the server's: every request it counted was answered as counted
        List<String> log = server.requestLog();
        long shedByServer = log.stream().filter(l -> l.equals("PATCH 503") || l.equals("PATCH 429")).count();
        long acceptedByServer = log.stream().filter(l -> l.matches("\\w+ 2\\d\\d")).count();
        int verificationHeads = 12;
        assertThat(report.shed()).isEqualTo(shedByServer).isGreaterThanOrEqualTo(3);
        assertThat(report.accepted()).isEqualTo(acceptedByServer - verificationHeads);
        assertThat(report.requests()).isEqualTo(log.size() - verificationHeads);
        assertThat(report.retries()).isGreaterThanOrEqualTo(report.shed());
        assertThat(report.acceptedP99Ms()).isGreaterThanOrEqualTo(report.acceptedP50Ms()).isPositive();
        assertThat(report.shedP99Ms()).isGreaterThanOrEqualTo(report.shedP50Ms()).isPositive();

        assertThat(server.uploads()).hasSize(12).allSatisfy(upload -> {
            assertThat(upload.offset()).isEqualTo(1L << 20);
            assertThat(upload.authorization()).isEqualTo("Bearer bench-token");
            assertThat(upload.metadata()).containsKeys("applicationId", "applicantId", "filename")
                    .containsEntry("documentType", "EKTP");
        });
        assertThat(printed())
                .contains("upload benchmark: 12 clients x 1024 KiB in 256 KiB chunks")
                .contains("uploads completed     12 of 12 (100.0 %)")
                .contains("uploads corrupted     0 (sha256 verified 12, unverified 0)")
                .contains("shed (429/503)        " + shedByServer + ",")
                .contains("requests over 2000 ms")
                .contains("aggregate throughput")
                .containsPattern("raw disk write        \\d+\\.\\d MB/s")
                .contains("RESULT clients=12 completed=12 failed=0 corrupted=0 verified=12 requests="
                        + report.requests() + " ")
                .contains(" shed=" + shedByServer + " ")
                .contains("  shed by method      PATCH " + shedByServer + " p50 ");
    }

    @Test
    void theWarmUpRunsInsideTheBenchProcessAndTheServerUnderTestSeesOnlyTheMeasuredRequests() throws Exception {
        BenchmarkConfig config = config(server.endpoint(), 4).with(b -> b.warmUpUploads = 20);

        BenchmarkReport report = UploadBenchmark.run(config, ClientIdentity.synthetic(null), UploadVerifier.NONE, out);

        assertThat(printed()).containsPattern("warm-up: 20 uploads against a tus stub in this process, \\d+\\.\\d s");
        assertThat(report.completed()).isEqualTo(4);
        assertThat(server.uploads()).hasSize(4);
        assertThat(server.requestLog()).hasSize(report.requests());
    }

    @Test
    void theExchangeLogHasOneLinePerRequestAsTheServerAnsweredIt() throws Exception {
        server.maxConcurrentPatches(1);
        server.inject("PATCH", Fault.status(503, "1"));
        Path csv = dir.resolve("exchanges.csv");
        BenchmarkConfig config = config(server.endpoint(), 3).with(b -> b.exchangesFile = csv);

        BenchmarkReport report = UploadBenchmark.run(config, ClientIdentity.synthetic(null), UploadVerifier.NONE, out);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("client,method,status,start_ms,latency_ms");
        List<String[]> fields = lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
        assertThat(fields).allSatisfy(f -> assertThat(Double.parseDouble(f[4])).isNotNegative());
        List<String> logged = fields.stream().map(f -> f[1] + " " + f[2]).toList();
        assertThat(logged).hasSize(report.requests()).containsExactlyInAnyOrderElementsOf(server.requestLog());
        assertThat(logged).filteredOn(l -> l.endsWith(" 503") || l.endsWith(" 429")).hasSize(report.shed());
    }

    @Test
    void anUploadStoredCorruptedByTheServerIsCountedAsCorrupted() throws Exception {
        server.inject("PATCH", new Fault.Stall(Duration.ZERO), new Fault.StoreCorrupted());

        BenchmarkReport report = UploadBenchmark.run(config(server.endpoint(), 3), ClientIdentity.synthetic(null),
                UploadVerifier.headHeader(TusUploader.defaultHttpClient(), TusTestServer.SHA256_HEADER), out);

        assertThat(report.completed()).isEqualTo(3);
        assertThat(report.corrupted()).isEqualTo(1);
        assertThat(report.verified()).isEqualTo(2);
        assertThat(report.targetsMet()).isFalse();
        assertThat(printed()).contains("uploads corrupted     1").contains("targets               NOT MET");
    }

    @Test
    void theRunEndsByItselfAtTheDeadlineAndCountsWhatFailed() throws Exception {
        URI unreachable = server.endpoint();
        server.close();
        BenchmarkConfig config = BenchmarkConfig.parse(unreachable.toString(), "3", "--deadline-s", "2",
                "--retry-base-ms", "100", "--disk-probe-mb", "0");
        long t0 = System.nanoTime();

        BenchmarkReport report = UploadBenchmark.run(config, ClientIdentity.synthetic(null), UploadVerifier.NONE,
                out);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(report.completed()).isZero();
        assertThat(report.failed()).isEqualTo(3);
        assertThat(report.failures()).containsOnlyKeys("DEADLINE_EXCEEDED");
        assertThat(report.noAnswer()).isEqualTo(report.requests()).isGreaterThan(3);
        assertThat(Double.isNaN(report.diskWriteMbPerSecond())).isTrue();
        assertThat(printed()).contains("uploads failed        3 {DEADLINE_EXCEEDED=3}")
                .contains("raw disk write        not measured");
    }

    @Test
    void theSelfTestModeRunsTheDriverAgainstTheTestServerAndExitsZero() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = UploadBenchmark.execute(new String[] {"--self-test", "8", "--self-test-max-patches", "2",
                "--retry-base-ms", "100", "--retry-cap-ms", "1000", "--disk-probe-mb", "4",
                "--disk-probe-dir", dir.toString()}, out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(printed()).contains("self-test: tus test server at http://")
                .contains("uploads completed     8 of 8 (100.0 %)")
                .contains("uploads corrupted     0 (sha256 verified 8, unverified 0)");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aUsageErrorExitsTwoAndPrintsTheUsage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = UploadBenchmark.execute(new String[] {"--clients"}, out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--clients needs a value").contains("Usage:");
    }
}
