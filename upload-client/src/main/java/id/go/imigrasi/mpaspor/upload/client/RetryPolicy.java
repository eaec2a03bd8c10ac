package id.go.imigrasi.mpaspor.upload.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt after a failure: exponential backoff with full jitter, and never less
 * than what the server asked for with {@code Retry-After}.
 *
 * <pre>
 *   ceiling(n) = min(cap, base * 2^(n-1))          n = consecutive failures, 1-based
 *   backoff(n) = random[0, 1) * ceiling(n)          "full jitter"
 *   delay(n)   = backoff(n)                                                   without Retry-After
 *   delay(n)   = max(backoff(n), retryAfter * (1 + random[0, 1) * spread))    with Retry-After
 * </pre>
 *
 * The spread (default 20 %) keeps a crowd of clients that were all told "come back in 2 s" from returning in the
 * same millisecond, while every one of them still waits at least what the server advertised.
 *
 * <p>Immutable and thread-safe; the random source is injectable so the policy can be tested deterministically.
 */
public final class RetryPolicy {

    public static final Duration DEFAULT_BASE = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(30);
    public static final double DEFAULT_RETRY_AFTER_SPREAD = 0.2;

    private static final DoubleSupplier THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextDouble();

    private final Duration base;
    private final Duration cap;
    private final double retryAfterSpread;
    private final DoubleSupplier random;

    private RetryPolicy(Duration base, Duration cap, double retryAfterSpread, DoubleSupplier random) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("base must be positive: " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("cap " + cap + " must not be below base " + base);
        }
        if (retryAfterSpread < 0 || Double.isNaN(retryAfterSpread)) {
            throw new IllegalArgumentException("retryAfterSpread must be >= 0: " + retryAfterSpread);
        }
        this.base = base;
        this.cap = cap;
        this.retryAfterSpread = retryAfterSpread;
        this.random = random;
    }

    /** Base 1 s, cap 30 s, Retry-After spread 20 %, thread-local randomness. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_BASE, DEFAULT_CAP, DEFAULT_RETRY_AFTER_SPREAD, THREAD_LOCAL_RANDOM);
    }

    public RetryPolicy withBase(Duration newBase) {
        return new RetryPolicy(newBase, cap.compareTo(newBase) < 0 ? newBase : cap, retryAfterSpread, random);
    }

    public RetryPolicy withCap(Duration newCap) {
        return new RetryPolicy(base, newCap, retryAfterSpread, random);
    }

    public RetryPolicy withRetryAfterSpread(double spread) {
        return new RetryPolicy(base, cap, spread, random);
    }

    /** The random source; it must return values in [0, 1). */
    public RetryPolicy withRandom(DoubleSupplier newRandom) {
        return new RetryPolicy(base, cap, retryAfterSpread, newRandom);
    }

    public Duration base() {
        return base;
    }

    public Duration cap() {
        return cap;
    }

    public double retryAfterSpread() {
        return retryAfterSpread;
    }

    /** The upper bound of the jittered backoff after {@code failures} consecutive failures (1-based). */
    public Duration ceiling(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures is 1-based: " + failures);
        }
        int shift = failures - 1;
        long baseNanos = base.toNanos();
        long capNanos = cap.toNanos();
        if (shift >= 62 || baseNanos > (capNanos >> shift)) {
            return cap;
        }
        return Duration.ofNanos(Math.min(capNanos, baseNanos << shift));
    }

    /** A full-jitter backoff: uniformly in [0, ceiling(failures)). */
    public Duration backoff(int failures) {
        return scale(ceiling(failures), nextRandom());
    }

    /**
     * The wait before the next attempt.
     *
     * @param failures   consecutive failures so far, 1-based
     * @param retryAfter what the server asked for, or {@code null} when it did not say
     */
    public Duration delay(int failures, Duration retryAfter) {
        Duration backoff = backoff(failures);
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            return backoff;
        }
        Duration polite = retryAfter.plus(scale(retryAfter, nextRandom() * retryAfterSpread));
        return polite.compareTo(backoff) >= 0 ? polite : backoff;
    }

    /** 408, 429 and every 5xx except 501 (not implemented) and 505 (version not supported) are worth retrying. */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    private double nextRandom() {
        double r = random.getAsDouble();
        if (!(r >= 0.0 && r < 1.0)) {
            throw new IllegalStateException("random source returned " + r + ", expected [0, 1)");
        }
        return r;
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofNanos((long) (d.toNanos() * factor));
    }

    @Override
    public String toString() {
        return "RetryPolicy[base=" + base + ", cap=" + cap + ", retryAfterSpread=" + retryAfterSpread + "]";
    }
}
