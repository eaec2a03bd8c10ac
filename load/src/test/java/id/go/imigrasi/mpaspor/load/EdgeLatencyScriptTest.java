package id.go.imigrasi.mpaspor.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench/edge-latency.sh}: the client's and the gateway's times of the same answers, side by side. */
class EdgeLatencyScriptTest {

    private static final long SENT = Instant.parse("2026-12-07T02:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void printsTheClientsAndTheGatewaysPercentilesOfTheRequestsInTheWindow() throws Exception {
        List<String> csv = new ArrayList<>();
        List<String> log = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            // the client saw each shed answer i x 100 ms late; the gateway took i ms over it
            csv.add("submit,503," + (i * 100) + ",1," + (SENT + i * 10));
            log.add(accessLine(SENT + i * 10 + i * 100, "POST", "/api/v1/applications/a" + i + "/submission", 503, i));
        }
        csv.add("submit,202,900,0," + (SENT + 5));
        log.add(accessLine(SENT + 905, "POST", "/api/v1/applications/b/submission", 202, 400));
        // not counted: another request of the CSV, another path in the log, a line outside the window, not the access log
        csv.add("application-read,503,7000,1," + (SENT + 20));
        log.add(accessLine(SENT + 30, "GET", "/api/v1/applications/a1", 503, 7000));
        log.add(accessLine(SENT + 120_000, "POST", "/api/v1/applications/late/submission", 503, 9000));
        log.add("{\"timestamp\":\"2026-12-07T02:00:01.000Z\",\"loggerName\":\"id.go.imigrasi.mpaspor.gateway.proxy.UpstreamProxy\","
                + "\"message\":\"application-service did not answer POST /api/v1/applications/x/submission\"}");
        Path csvFile = Files.write(dir.resolve("steady-state.csv"), csv);
        Path logFile = Files.write(dir.resolve("gateway.log"), log);

        String out = run(logFile, csvFile);

        assertThat(out).contains("'submit' (02:00:00.005 to 02:00:31.000 UTC");
        assertThat(out).contains("accepted (2xx): client 1 900/900/900, gateway 1 400/400/400");
        assertThat(out).contains("shed (429/503): client 100 5000/9500/9900, gateway 100 50/95/99");
    }

    @Test
    void saysSoAndSucceedsWhenTheLogIsMissing() throws Exception {
        Path csvFile = Files.write(dir.resolve("steady-state.csv"), List.of("submit,202,10,0," + SENT));

        assertThat(run(dir.resolve("absent.log"), csvFile)).isEmpty();
    }

    private static String accessLine(long endedAt, String method, String path, int status, long millis) {
        return "{\"timestamp\":\"" + Instant.ofEpochMilli(endedAt) + "\",\"sequence\":1,\"loggerName\":\"io.quarkus.http.access-log\","
                + "\"level\":\"INFO\",\"message\":\"10.0.0.1 \\\"" + method + " " + path + " HTTP/1.1\\\" " + status
                + " 348 " + millis + " ms rid=r peer=127.0.0.2\"}";
    }

    private String run(Path logFile, Path csvFile) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", Path.of("bench/edge-latency.sh").toAbsolutePath().toString(),
                logFile.toString(), csvFile.toString(), "submit", "/applications/[^/]+/submission")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return out;
    }
}
