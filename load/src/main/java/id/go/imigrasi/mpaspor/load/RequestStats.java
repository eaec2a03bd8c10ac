package id.go.imigrasi.mpaspor.load;

import java.util.Arrays;
import java.util.List;

/**
 * The figures of one kind of request: answers are success (2xx), refused (409: the business said no, e.g. quota
 * full), shed (429/503, which must carry Retry-After) or error (anything else, and no answer at all).
 */
public record RequestStats(String request, int count, int success, int refused, int shed, int shedWithoutRetryAfter,
        int errors, int checksumMismatches, int over2s, double seconds, double[] successPercentiles, double[] shedPercentiles,
        int successWhileShedding, double sheddingSeconds) {

    public static final long SLOW_MILLIS = 2_000;
    /** tus checksum extension: the chunk arrived corrupted. */
    public static final int CHECKSUM_MISMATCH = 460;

    public static RequestStats of(String request, List<Recorder.Line> lines) {
        int success = 0, refused = 0, shed = 0, bare = 0, errors = 0, mismatches = 0, slow = 0;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE, shedFrom = Long.MAX_VALUE, shedTo = Long.MIN_VALUE;
        long[] ok = new long[lines.size()];
        long[] sheds = new long[lines.size()];
        for (Recorder.Line l : lines) {
            first = Math.min(first, l.startedAtMillis());
            last = Math.max(last, l.startedAtMillis() + l.millis());
            if (l.millis() > SLOW_MILLIS) {
                slow++;
            }
            if (l.status() >= 200 && l.status() < 300) {
                ok[success++] = l.millis();
            } else if (l.status() == 409) {
                refused++;
            } else if (isShed(l.status())) {
                sheds[shed++] = l.millis();
                shedFrom = Math.min(shedFrom, l.startedAtMillis());
                shedTo = Math.max(shedTo, l.startedAtMillis() + l.millis());
                if (!l.retryAfter()) {
                    bare++;
                }
            } else {
                errors++;
                if (l.status() == CHECKSUM_MISMATCH) {
                    mismatches++;
                }
            }
        }
        double seconds = lines.isEmpty() ? 0 : Math.max(0.001, (last - first) / 1000.0);
        // while shedding: from the first refused request's send to the last refusal's answer, demand exceeded what
        // was served; the successes answered in that time are what the service served when it had work waiting
        int servedWhileShedding = 0;
        for (Recorder.Line l : lines) {
            long answered = l.startedAtMillis() + l.millis();
            if (l.status() >= 200 && l.status() < 300 && answered >= shedFrom && answered <= shedTo) {
                servedWhileShedding++;
            }
        }
        double sheddingSeconds = shed == 0 ? 0 : Math.max(0.001, (shedTo - shedFrom) / 1000.0);
        return new RequestStats(request, lines.size(), success, refused, shed, bare, errors, mismatches, slow, seconds,
                percentiles(Arrays.copyOf(ok, success)), percentiles(Arrays.copyOf(sheds, shed)), servedWhileShedding,
                sheddingSeconds);
    }

    public static boolean isShed(int status) {
        return status == 429 || status == 503;
    }

    /** p50, p95, p99 (nearest rank), NaN without samples. */
    static double[] percentiles(long[] values) {
        if (values.length == 0) {
            return new double[] { Double.NaN, Double.NaN, Double.NaN };
        }
        Arrays.sort(values);
        return new double[] { rank(values, 0.50), rank(values, 0.95), rank(values, 0.99) };
    }

    private static double rank(long[] sorted, double p) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))];
    }

    /** Answers per second over the time from the first send to the last answer. */
    public double throughput() {
        return seconds == 0 ? 0 : count / seconds;
    }

    public double successThroughput() {
        return seconds == 0 ? 0 : success / seconds;
    }

    /**
     * Successes per second while requests were being shed (from the first refusal sent to the last one answered):
     * what the service served while more was asked of it than it served. 0 when nothing was shed.
     */
    public double successThroughputWhileShedding() {
        return sheddingSeconds == 0 ? 0 : successWhileShedding / sheddingSeconds;
    }

    /** Answers that the business (200/201/409) handled per second: what the service really processed. */
    public double processedThroughput() {
        return seconds == 0 ? 0 : (success + refused) / seconds;
    }
}
