package id.go.imigrasi.mpaspor.platform.admission;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The Retry-After of a refusal, spread over the crowd being refused: {@code base} while refusals are few; when the
 * last second refused more requests than are served in a second, {@code base} times that ratio, at most {@code max}.
 * A crowd of N clients told to come back after about N / rate seconds returns at about the rate it can be served;
 * told {@code base} each, it all comes back together to be refused again, and every such round costs the edge, the
 * service and the clients CPU that the served requests needed (2,000 people logging in at once sent 52,254 logins in
 * three minutes while the service served 3 a second, load/README.md, 2026-12-07). Clients add their own jitter.
 * <p>
 * The served rate is either known (a hashing pool's threads over its hash time) or counted here ({@link #served()}).
 * Thread-safe.
 */
public final class CrowdRetryAfter {

    /** Refusals a second that get the base Retry-After however few requests were counted served. */
    public static final int FEW = 10;

    private final Duration base;
    private final Duration max;
    private final LongSupplier nanoClock;
    private final RecentCount refusals = new RecentCount();
    private final RecentCount served = new RecentCount();

    public CrowdRetryAfter(Duration base, Duration max, LongSupplier nanoClock) {
        this.base = base;
        this.max = max.compareTo(base) < 0 ? base : max;
        this.nanoClock = nanoClock;
    }

    /** Counts one request served (answered other than refused), for {@link #refused()}. */
    public void served() {
        served.add(nanoClock.getAsLong());
    }

    /**
     * Counts one refusal; its Retry-After against the requests counted {@link #served()} in the last second, and
     * {@link #FEW} refusals a second are few whatever was served (a service that has just started, or one that is
     * only slow, is not pushing anybody back for long).
     */
    public Duration refused() {
        long now = nanoClock.getAsLong();
        return of(refusals.add(now), Math.max(FEW, served.get(now)), base, max);
    }

    /** Counts one refusal; its Retry-After against a served rate the caller knows (per second). */
    public Duration refused(double servedPerSecond) {
        return of(refusals.add(nanoClock.getAsLong()), servedPerSecond, base, max);
    }

    /**
     * The rule: {@code base} x (refusals in the last second / served per second), at least {@code base}, at most
     * {@code max}, in whole seconds (the header's unit), rounded up. Nothing served counts as one a second.
     */
    public static Duration of(long refusedLastSecond, double servedPerSecond, Duration base, Duration max) {
        double factor = Math.max(1, refusedLastSecond / Math.max(1, servedPerSecond));
        long seconds = (long) Math.ceil(base.toMillis() * factor / 1000.0);
        return Duration.ofSeconds(Math.max(Math.max(1, base.toSeconds()), Math.min(max.toSeconds(), seconds)));
    }

    /** Events of the current and the previous second (the larger of the two counts). */
    static final class RecentCount {
        private long second = Long.MIN_VALUE;
        private long current;
        private long previous;

        /** Counts one event at {@code nanoTime}; returns the count as {@link #get} does, this one included. */
        synchronized long add(long nanoTime) {
            roll(nanoTime);
            current++;
            return Math.max(current, previous);
        }

        synchronized long get(long nanoTime) {
            roll(nanoTime);
            return Math.max(current, previous);
        }

        private void roll(long nanoTime) {
            long now = Math.floorDiv(nanoTime, 1_000_000_000L);
            if (now != second) {
                previous = now == second + 1 ? current : 0;
                current = 0;
                second = now;
            }
        }
    }
}
