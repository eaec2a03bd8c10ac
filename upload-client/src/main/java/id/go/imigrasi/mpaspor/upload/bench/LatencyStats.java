package id.go.imigrasi.mpaspor.upload.bench;

import java.time.Duration;
import java.util.Arrays;

/** Nearest-rank percentiles over recorded latencies; thread-safe. */
final class LatencyStats {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void record(Duration latency) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latency.toNanos();
    }

    synchronized int count() {
        return count;
    }

    /** The nearest-rank percentile in milliseconds, or 0 when nothing was recorded. */
    synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }
}
