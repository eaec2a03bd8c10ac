package id.go.imigrasi.mpaspor.application.upload.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import id.go.imigrasi.mpaspor.application.upload.support.Uploads.Applicant;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.RestAssured;

/**
 * The upload benchmark (issue 5's {@code load/bench/upload/run.sh}: N concurrent tus clients, 1 MiB each in
 * 256 KiB PATCHes with SHA-256 checksums, every upload verified against the server's SHA-256) run against this
 * module's tus server as the tests start it (real store, PostgreSQL, Kafka and validation consumer; the applications
 * side stood in by {@code TestUploadTargets}), with encryption at rest on or off (issue 23). The two test classes
 * run in one Maven invocation, one after the other, each with its own profile:
 *
 * <pre>
 * ./mvnw -o -B -pl application-upload -am verify -De2e.skip -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest='EncryptionO*TusBenchmarkTest' -Dupload.bench.clients=300
 * </pre>
 *
 * Skipped unless {@code upload.bench.clients} is set; {@code upload.bench.file-kb} sets the size of each upload
 * (default 1024: with few clients and larger files nothing is shed, so the server's own throughput shows rather than
 * the clients' Retry-After waits). Each run is preceded by a warm-up run of 50 clients (not reported); the figures
 * go to stdout and {@code target/tus-bench-<on|off>-<clients>x<file-kb>k.txt}.
 */
final class TusBenchmarkRun {

    static final String CLIENTS = "upload.bench.clients";
    static final String FILE_KB = "upload.bench.file-kb";

    private TusBenchmarkRun() {
    }

    /** The server as in production (admission limits of the module's defaults), encryption as given. */
    abstract static class Profile implements QuarkusTestProfile {
        private final boolean encrypted;

        Profile(boolean encrypted) {
            this.encrypted = encrypted;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.upload.encryption.enabled", String.valueOf(encrypted),
                    "mpaspor.upload.admission.max-concurrent-patches", "24",
                    "mpaspor.upload.admission.max-patches-per-account", "5",
                    "mpaspor.upload.admission.max-concurrent-requests", "16");
        }
    }

    /** What the benchmark client printed, and its exit code: 0 when every upload completed and verified. */
    record Result(int exitCode, String output) {
    }

    /** A warm-up, then the measured run, whose report is kept in {@code target/}; the caller judges the result. */
    static Result measure(String label) throws Exception {
        Result warmUp = run(label + "-warm-up", 50, 1024);
        assertThat(warmUp.exitCode()).as("the warm-up's uploads completed and verified:%n%s", warmUp.output()).isZero();
        int clients = Integer.getInteger(CLIENTS);
        int fileKb = Integer.getInteger(FILE_KB, 1024);
        Result measured = run(label, clients, fileKb);
        Files.writeString(Path.of("target", "tus-bench-" + label + "-" + clients + "x" + fileKb + "k.txt"),
                measured.output());
        return measured;
    }

    private static Result run(String label, int clients, int fileKb) throws Exception {
        Path identities = Files.createTempFile("tus-bench-" + label, ".csv");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Applicant applicant = Applicant.withDraft();
            lines.add(applicant.token() + "," + applicant.application() + "," + applicant.applicant() + ",EKTP");
        }
        Files.write(identities, lines);
        Path repository = Path.of("").toAbsolutePath().getParent();
        Process bench = new ProcessBuilder("flock", "-x", "/tmp/mpaspor-cpu.lock",
                repository.resolve("load/bench/upload/run.sh").toString(),
                "http://localhost:" + RestAssured.port + "/uploads", String.valueOf(clients),
                "--identities", identities.toString(), "--verify-header", "Upload-Sha256", "--disk-probe-mb", "0",
                "--deadline-s", "300", "--file-kb", String.valueOf(fileKb))
                .directory(repository.toFile()).redirectErrorStream(true).start();
        String output = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bench.waitFor(6, TimeUnit.MINUTES)).isTrue();
        System.out.println("==== upload benchmark, encryption " + label + " ====\n" + output);
        deleteQuietly(identities);
        return new Result(bench.exitValue(), output);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file
        }
    }
}
