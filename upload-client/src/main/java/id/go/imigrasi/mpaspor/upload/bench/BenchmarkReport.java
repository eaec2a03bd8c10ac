package id.go.imigrasi.mpaspor.upload.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run.
 *
 * @param clients              uploads started
 * @param completed            uploads the server acknowledged in full
 * @param failed               uploads that did not complete (by reason in {@code failures})
 * @param corrupted            completed uploads whose server-side SHA-256 differs from the local one
 * @param verified             completed uploads whose server-side SHA-256 matched
 * @param failures             failed uploads by reason
 * @param requests             HTTP requests made
 * @param slowRequests         requests that took longer than {@code slowThreshold}
 * @param slowThreshold        the threshold
 * @param noAnswer             requests that got no answer (connection error, timeout)
 * @param retries              requests that were repeats after a failure
 * @param accepted             requests answered 2xx
 * @param acceptedP50Ms        their median latency
 * @param acceptedP99Ms        their 99th percentile latency
 * @param shed                 requests answered 429 or 503
 * @param shedP50Ms            their median latency
 * @param shedP99Ms            their 99th percentile latency
 * @param uploadP50Ms          median duration of a completed upload
 * @param uploadP99Ms          99th percentile duration of a completed upload
 * @param bytesUploaded        bytes of the completed uploads
 * @param wall                 from the start of the uploads to the last one ending
 * @param diskWriteMbPerSecond the raw disk write rate, or NaN when not measured
 * @param shedByMethod         the shed requests per method (POST, HEAD, PATCH, ...)
 */
public record BenchmarkReport(int clients, int completed, int failed, int corrupted, int verified,
        Map<String, Integer> failures, int requests, int slowRequests, Duration slowThreshold, int noAnswer,
        int retries, int accepted, double acceptedP50Ms, double acceptedP99Ms, int shed, double shedP50Ms,
        double shedP99Ms, double uploadP50Ms, double uploadP99Ms, long bytesUploaded, Duration wall,
        double diskWriteMbPerSecond, Map<String, Latencies> shedByMethod) {

    /** How many requests, and their p50/p99 in milliseconds. */
    public record Latencies(int count, double p50Ms, double p99Ms) {
    }

    /** Aggregate throughput of the completed uploads, MB (10^6 bytes) per second of wall time. */
    public double aggregateMbPerSecond() {
        double seconds = wall.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytesUploaded / 1e6 / seconds;
    }

    public int unverified() {
        return completed - corrupted - verified;
    }

    /** Issue 5's targets: 100 % completed, 0 corrupted, 0 requests over 2 s, shed answers p99 under 50 ms. */
    public boolean targetsMet() {
        return completed == clients && corrupted == 0 && slowRequests == 0 && shedP99Ms < 50;
    }

    public String format() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "uploads completed     %d of %d (%.1f %%)%n", completed, clients,
                clients == 0 ? 0 : 100.0 * completed / clients));
        s.append(String.format(Locale.ROOT, "uploads failed        %d %s%n", failed, failures.isEmpty() ? "" : failures));
        s.append(String.format(Locale.ROOT, "uploads corrupted     %d (sha256 verified %d, unverified %d)%n",
                corrupted, verified, unverified()));
        s.append(String.format(Locale.ROOT, "requests              %d (%d retries, %d without answer)%n", requests,
                retries, noAnswer));
        s.append(String.format(Locale.ROOT, "requests over %d ms  %d%n", slowThreshold.toMillis(), slowRequests));
        s.append(String.format(Locale.ROOT, "accepted (2xx)        %d, p50 %.1f ms, p99 %.1f ms%n", accepted,
                acceptedP50Ms, acceptedP99Ms));
        s.append(String.format(Locale.ROOT, "shed (429/503)        %d, p50 %.1f ms, p99 %.1f ms%n", shed, shedP50Ms,
                shedP99Ms));
        if (!shedByMethod.isEmpty()) {
            StringBuilder byMethod = new StringBuilder();
            shedByMethod.forEach((method, l) -> byMethod.append(byMethod.length() == 0 ? "" : ", ").append(
                    String.format(Locale.ROOT, "%s %d p50 %.1f / p99 %.1f ms", method, l.count(), l.p50Ms(),
                            l.p99Ms())));
            s.append("  shed by method      ").append(byMethod).append(System.lineSeparator());
        }
        s.append(String.format(Locale.ROOT, "upload duration       p50 %.0f ms, p99 %.0f ms%n", uploadP50Ms,
                uploadP99Ms));
        s.append(String.format(Locale.ROOT, "aggregate throughput  %.2f MB/s (%.1f MB in %.1f s)%n",
                aggregateMbPerSecond(), bytesUploaded / 1e6, wall.toNanos() / 1e9));
        s.append(Double.isNaN(diskWriteMbPerSecond)
                ? String.format("raw disk write        not measured%n")
                : String.format(Locale.ROOT, "raw disk write        %.1f MB/s (write + fsync)%n", diskWriteMbPerSecond));
        s.append(String.format("targets               %s (100%% completed, 0 corrupted, 0 over 2 s, shed p99 < 50 ms)%n",
                targetsMet() ? "MET" : "NOT MET"));
        s.append(keyValues()).append(System.lineSeparator());
        return s.toString();
    }

    /** The figures on one line for scripts: {@code RESULT clients=1000 completed=1000 ...}. */
    public String keyValues() {
        return String.format(Locale.ROOT, "RESULT clients=%d completed=%d failed=%d corrupted=%d verified=%d "
                        + "requests=%d slow_requests=%d no_answer=%d retries=%d accepted=%d accepted_p50_ms=%.1f "
                        + "accepted_p99_ms=%.1f shed=%d shed_p50_ms=%.1f shed_p99_ms=%.1f upload_p50_ms=%.0f "
                        + "upload_p99_ms=%.0f aggregate_mb_s=%.2f disk_write_mb_s=%.1f targets_met=%b",
                clients, completed, failed, corrupted, verified, requests, slowRequests, noAnswer, retries, accepted,
                acceptedP50Ms, acceptedP99Ms, shed, shedP50Ms, shedP99Ms, uploadP50Ms, uploadP99Ms,
                aggregateMbPerSecond(), diskWriteMbPerSecond, targetsMet());
    }
}
