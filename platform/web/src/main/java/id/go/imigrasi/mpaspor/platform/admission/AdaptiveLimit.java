package id.go.imigrasi.mpaspor.platform.admission;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How many requests may be in flight at once, adapted to the latency they get (AIMD, as TCP does with its
 * window): every {@code window}, if more than a tenth of the requests answered in it took longer than the target
 * while at least half the limit was in flight (slow because they queue, not because one call is slow by nature),
 * the limit shrinks by a tenth; if they were quick and the limit was reached, it grows by a sixteenth (at least
 * one). It stays between {@code min} and {@code max}.
 * <p>
 * A fixed limit is right for one machine load only: sized for a quiet machine it lets a spike queue hundreds of
 * requests behind a busy CPU (each answered after seconds), sized for the spike it wastes the quiet machine.
 * Keeping the in-flight count at what is answered within the target turns the excess into fast 503s with
 * Retry-After, while the admitted requests keep their latency. Thread-safe; the bookkeeping per request is a few
 * arithmetic operations under a monitor held for nanoseconds.
 */
public final class AdaptiveLimit {

    /** Above this share of slow answers in a window, the limit shrinks. */
    static final double SLOW_SHARE = 0.1;
    static final double BACKOFF = 0.9;

    private final int min;
    private final int max;
    private final long targetNanos;
    private final long windowNanos;
    private final LongSupplier clock;

    private volatile int limit;
    private int inFlight;
    private long windowStart;
    private int answered;
    private int slow;
    private int peak;

    public AdaptiveLimit(int min, int initial, int max, Duration target, Duration window, LongSupplier nanoClock) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        this.min = Math.max(1, Math.min(min, max));
        this.limit = Math.max(this.min, Math.min(initial, max));
        this.targetNanos = target.toNanos();
        this.windowNanos = window.toNanos();
        this.clock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    /** Takes a place if one is free: true when admitted (then {@link #release} must follow, exactly once). */
    public synchronized boolean tryAcquire() {
        if (inFlight >= limit) {
            return false;
        }
        inFlight++;
        peak = Math.max(peak, inFlight);
        return true;
    }

    /**
     * Takes a place even past the limit, for a request that must not be refused for it (then {@link #release} must
     * follow, exactly once): the others see it in flight and make room, and its latency counts as theirs.
     */
    public synchronized void acquire() {
        inFlight++;
        peak = Math.max(peak, inFlight);
    }

    /** Whether {@link #tryAcquire} would admit now (nothing taken: the answer may be stale a moment later). */
    public synchronized boolean hasRoom() {
        return inFlight < limit;
    }

    /** Gives the place back, with how long the admitted hold took from admission to answer. */
    public synchronized void release(long tookNanos) {
        inFlight--;
        answered++;
        if (tookNanos > targetNanos) {
            slow++;
        }
        long now = clock.getAsLong();
        if (now - windowStart >= windowNanos) {
            adapt();
            windowStart = now;
            answered = 0;
            slow = 0;
            peak = inFlight;
        }
    }

    private void adapt() {
        if (slow > answered * SLOW_SHARE && peak * 2 >= limit) {
            limit = Math.max(min, (int) (limit * BACKOFF));
        } else if (peak >= limit) {
            limit = Math.min(max, limit + Math.max(1, limit / 16));
        }
    }

    public int limit() {
        return limit;
    }

    public synchronized int inFlight() {
        return inFlight;
    }
}
