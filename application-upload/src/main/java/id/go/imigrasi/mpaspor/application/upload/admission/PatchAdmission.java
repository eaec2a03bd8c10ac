package id.go.imigrasi.mpaspor.application.upload.admission;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Admission control of upload requests. PATCHes (the ones that carry bytes): a fixed limit on concurrent PATCHes
 * and on bytes in flight protects the disk, the CPU and the worker pool, decided before the caller's identity; then
 * one account may hold only a few of the slots. Creation, HEAD and DELETE: a limit of their own (each costs
 * database round trips; a crowd of them must not queue for the connection pool in front of the PATCHes). A request
 * past a limit is refused at once - nothing ever queues, so nothing can wait until a timeout - with a
 * {@code Retry-After} that grows with the recent pressure (how many requests were shed lately relative to the
 * limit), so a crowd of clients spreads itself out instead of coming back in lockstep.
 * <p>
 * Why fixed and not adaptive (e.g. Netflix concurrency-limits' gradient limiters): those infer overload from
 * latency, but the latency of a streaming PATCH is dominated by the client's own (mobile) uplink, not by our
 * pressure; a slow network would shrink the limit for everybody. The resources we protect (disk bandwidth,
 * worker threads, memory for buffers) have a known capacity per instance, so a configured limit is predictable
 * and testable; scale-out adds instances.
 */
@ApplicationScoped
public class PatchAdmission {

    private final UploadConfig.Admission config;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong bytesInFlight = new AtomicLong();
    private final AtomicInteger requestsInFlight = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perAccount = new ConcurrentHashMap<>();
    private final Counter shedOverload;
    private final Counter shedFairShare;
    private final Counter admitted;
    private final Counter shedRequests;
    /** Exponentially decaying count of recent sheds (half-life = the pressure window). */
    private double pressure;
    private long pressureAt = System.nanoTime();

    public PatchAdmission(UploadConfig config, MeterRegistry registry) {
        this.config = config.admission();
        Gauge.builder("mpaspor.upload.patch.limit", this.config, c -> c.maxConcurrentPatches())
                .description("concurrent PATCH requests admitted at most").register(registry);
        Gauge.builder("mpaspor.upload.patch.in.flight", inFlight, AtomicInteger::get)
                .description("PATCH requests being served").register(registry);
        Gauge.builder("mpaspor.upload.bytes.in.flight", bytesInFlight, AtomicLong::get)
                .description("declared bytes of the PATCH requests being served").register(registry);
        Gauge.builder("mpaspor.upload.bytes.limit", this.config, c -> c.maxBytesInFlight())
                .description("bytes in flight admitted at most").register(registry);
        this.shedOverload = Counter.builder("mpaspor.upload.patch.shed").tag("reason", "overload")
                .description("PATCH requests refused with 503").register(registry);
        this.shedFairShare = Counter.builder("mpaspor.upload.patch.shed").tag("reason", "fair-share")
                .description("PATCH requests refused with 429").register(registry);
        this.admitted = Counter.builder("mpaspor.upload.patch.admitted").description("PATCH requests admitted")
                .register(registry);
        Gauge.builder("mpaspor.upload.request.limit", this.config, c -> c.maxConcurrentRequests())
                .description("concurrent creation/HEAD/DELETE requests admitted at most").register(registry);
        Gauge.builder("mpaspor.upload.request.in.flight", requestsInFlight, AtomicInteger::get)
                .description("creation/HEAD/DELETE requests being served").register(registry);
        this.shedRequests = Counter.builder("mpaspor.upload.request.shed").tag("reason", "overload")
                .description("creation/HEAD/DELETE requests refused with 503").register(registry);
    }

    /** Admits the PATCH or says why not; never blocks. */
    public Decision tryAdmit(String account, long declaredBytes) {
        Decision instance = tryAdmitPatch(declaredBytes);
        return instance.isAdmitted() ? instance.permit().claimShare(account) : instance;
    }

    /**
     * The instance-wide part of PATCH admission (concurrency and bytes), decided from the headers alone: it
     * needs no identity, so an overloaded instance answers 503 before it spends anything on the request (token
     * verification included). The permit must then {@link Permit#claimShare claim} its account's share.
     */
    public Decision tryAdmitPatch(long declaredBytes) {
        long bytes = declaredBytes >= 0 ? declaredBytes : config.assumedChunkSize();
        int now = inFlight.incrementAndGet();
        long nowBytes = bytesInFlight.addAndGet(bytes);
        // a single request larger than the byte budget still gets through when it is alone
        if (now > config.maxConcurrentPatches() || (nowBytes > config.maxBytesInFlight() && now > 1)) {
            inFlight.decrementAndGet();
            bytesInFlight.addAndGet(-bytes);
            shedOverload.increment();
            return Decision.refused(Decision.Refusal.OVERLOAD, retryAfter(recordShed()));
        }
        return Decision.admitted(new Permit(inFlight, bytes));
    }

    /**
     * Admission of the other upload requests (creation, HEAD, termination): each costs database round trips
     * (and creation an fsync), and a crowd of them retrying at once would queue for the connection pool in
     * front of the PATCHes. Past the limit, 503 at once, with the same growing Retry-After.
     */
    public Decision tryAdmitRequest() {
        if (requestsInFlight.incrementAndGet() > config.maxConcurrentRequests()) {
            requestsInFlight.decrementAndGet();
            shedRequests.increment();
            return Decision.refused(Decision.Refusal.OVERLOAD, retryAfter(recordShed()));
        }
        return Decision.admitted(new Permit(requestsInFlight, 0));
    }

    public int requestsInFlight() {
        return requestsInFlight.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public long bytesInFlight() {
        return bytesInFlight.get();
    }

    /** Retry-After: the base, plus one base per {@code limit} requests shed within the recent window. */
    Duration retryAfter(double recentSheds) {
        double factor = 1 + recentSheds / Math.max(1, config.maxConcurrentPatches());
        long millis = (long) (config.retryAfterBase().toMillis() * factor);
        return Duration.ofMillis(Math.min(millis, config.retryAfterMax().toMillis()));
    }

    private synchronized double recordShed() {
        long now = System.nanoTime();
        double halfLife = Math.max(1, config.pressureWindow().toNanos());
        pressure = pressure * Math.pow(0.5, (now - pressureAt) / halfLife) + 1;
        pressureAt = now;
        return pressure;
    }

    /** One admitted request; released exactly once when its response ends or its connection closes. */
    public final class Permit {
        private final AtomicInteger counter;
        private final long bytes;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile String account;
        private volatile AtomicInteger accountCount;

        private Permit(AtomicInteger counter, long bytes) {
            this.counter = counter;
            this.bytes = bytes;
        }

        /**
         * Takes one of the account's concurrent PATCHes; past its share the permit is released and the answer
         * is 429. Called at most once, after the token was verified.
         */
        public Decision claimShare(String account) {
            AtomicInteger mine = perAccount.computeIfAbsent(account, a -> new AtomicInteger());
            if (mine.incrementAndGet() > config.maxPatchesPerAccount()) {
                mine.decrementAndGet();
                release();
                shedFairShare.increment();
                return Decision.refused(Decision.Refusal.FAIR_SHARE, retryAfter(recordShed()));
            }
            this.account = account;
            this.accountCount = mine;
            admitted.increment();
            return Decision.admitted(this);
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                counter.decrementAndGet();
                bytesInFlight.addAndGet(-bytes);
                AtomicInteger mine = accountCount;
                if (mine != null && mine.decrementAndGet() == 0) {
                    perAccount.remove(account, mine);
                }
            }
        }
    }

    public record Decision(Permit permit, Refusal refusal, Duration retryAfter) {

        public enum Refusal {
            /** The instance is at its limit: 503. */
            OVERLOAD,
            /** This account already holds its share: 429. */
            FAIR_SHARE
        }

        static Decision admitted(Permit permit) {
            return new Decision(permit, null, null);
        }

        static Decision refused(Refusal refusal, Duration retryAfter) {
            return new Decision(null, refusal, retryAfter);
        }

        public boolean isAdmitted() {
            return permit != null;
        }
    }
}
