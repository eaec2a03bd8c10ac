package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.admission.CrowdRetryAfter;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;

/**
 * bcrypt (Quarkus Elytron) off the event loop, on a pool of its own with a bounded number of requests in it
 * (running + waiting). Requests are admitted at their start ({@link #admit}); when the pool is full the caller
 * gets 503 with {@code Retry-After} at once: at the peak a login is either served at the machine's hashing rate
 * or told to come back, never queued until it times out.
 * Admission is also bounded in time: a request whose expected wait (the hashes ahead of it, at the recent hash time)
 * exceeds {@code max-wait} is shed as well, so that on a busy machine the queue shrinks instead of growing slow.
 * The result comes back on the caller's Vert.x context, so Hibernate Reactive can continue there.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class PasswordHasher {

    /** The hashing threads' names: password-hash-1, -2, ... (the launcher finds them by it). */
    public static final String THREAD_PREFIX = "password-hash-";

    private final ExecutorService pool;
    private final Semaphore admitted;
    private final int cost;
    private final int threads;
    private final AccountConfig.Password policy;
    private final String dummyHash;
    private final Counter shedFull;
    private final Counter shedWait;
    private final Counter skipped;
    private final Timer queued;
    private final int capacity;
    private final long maxWaitNanos;
    /** Moving average of one hash's duration on this machine, now. */
    private final AtomicLong hashNanos;
    private final CrowdRetryAfter retryAfter;

    public PasswordHasher(AccountConfig config, MeterRegistry registry) {
        this.policy = config.password();
        this.cost = policy.bcryptCost();
        this.threads = policy.hashThreads().orElse(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor hashing = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, THREAD_PREFIX + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // started now, not on the first login: the operating system can give them their priority before the wave
        // (./mpaspor up renices the threads named so; MPASPOR_ACCOUNT_HASH_NICE)
        hashing.prestartAllCoreThreads();
        this.pool = hashing;
        this.admitted = new Semaphore(threads + policy.queue());
        // verifying an unknown email costs the same as a known one: no timing oracle
        long started = System.nanoTime();
        this.dummyHash = BcryptUtil.bcryptHash("not-a-real-password-" + System.nanoTime(), cost);
        this.hashNanos = new AtomicLong(System.nanoTime() - started);
        this.maxWaitNanos = policy.maxWait().toNanos();
        this.retryAfter = new CrowdRetryAfter(policy.retryAfter(), policy.maxRetryAfter(), System::nanoTime);
        this.shedFull = shedCounter(registry, "pool-full");
        this.shedWait = shedCounter(registry, "wait");
        this.skipped = Counter.builder("mpaspor.account.password.abandoned")
                .description("Hashes not run because their request was given up while it waited for the pool")
                .register(registry);
        this.queued = Timer.builder("mpaspor.account.password.queued")
                .description("How long a hash waited for a hashing thread").register(registry);
        int capacity = threads + policy.queue();
        this.capacity = capacity;
        Gauge.builder("mpaspor.account.password.in.flight", admitted, s -> capacity - s.availablePermits())
                .strongReference(true).description("Password hashes running or queued").register(registry);
        Gauge.builder("mpaspor.account.password.hash.threads", this, h -> h.threads).strongReference(true)
                .description("Threads of the password hashing pool").register(registry);
        Gauge.builder("mpaspor.account.password.hash.seconds", hashNanos, h -> h.get() / 1e9).strongReference(true)
                .description("One hash's recent duration (rises fast, falls slowly), the estimate admission decides by")
                .register(registry);
    }

    private static Counter shedCounter(MeterRegistry registry, String reason) {
        return Counter.builder("mpaspor.account.password.shed").tag("reason", reason)
                .description("Password checks refused at once with 503: every place taken (pool-full), or the hashes "
                        + "ahead would take longer than max-wait (wait)")
                .register(registry);
    }

    /**
     * Admits a use case that will hash (login, registration, password change or reset) before it does anything
     * else, or refuses it at once with 503 + Retry-After: a refused request costs no database work and no CPU.
     * Admission is held until the use case's Uni completes; the hashing itself then runs on the bounded pool.
     */
    public <T> Uni<T> admit(Supplier<Uni<T>> useCase) {
        boolean in = admitted.tryAcquire();
        if (!in) {
            shedFull.increment();
        } else if (!admits(capacity - admitted.availablePermits(), threads, hashNanos.get(), maxWaitNanos)) {
            admitted.release();
            shedWait.increment();
            in = false;
        }
        if (!in) {
            Duration wait = retryAfter.refused(hashesPerSecond(threads, hashNanos.get()));
            return Uni.createFrom().failure(ProblemException.retryLater(CommonProblem.SERVICE_UNAVAILABLE, wait));
        }
        return Uni.createFrom().<T>deferred(useCase::get).eventually(() -> admitted.release());
    }

    /**
     * Whether the request at {@code position} (1 = first of those admitted, itself included) may wait for its hash:
     * the first {@code threads} always may; the others when the rounds of hashing ahead of them plus their own fit in
     * {@code maxWaitNanos} at {@code hashNanos} each.
     */
    static boolean admits(int position, int threads, long hashNanos, long maxWaitNanos) {
        if (position <= threads) {
            return true;
        }
        long rounds = (position + threads - 1) / threads;
        return rounds * hashNanos <= maxWaitNanos;
    }

    /**
     * The pool's rate, for a refusal's Retry-After ({@link CrowdRetryAfter}: the base while refusals are few, longer
     * the more the last second's refusals outnumber the logins hashed in a second, at most {@code max-retry-after}).
     */
    static double hashesPerSecond(int threads, long hashNanos) {
        return threads * 1e9 / Math.max(1, hashNanos);
    }

    /** Inside {@link #admit}. */
    public Uni<String> hash(String password) {
        return onPool(() -> BcryptUtil.bcryptHash(password, cost));
    }

    /** Inside {@link #admit}. False for a null hash (unknown account), after the same work as a real check. */
    public Uni<Boolean> verify(String password, String hashOrNull) {
        return onPool(() -> {
            if (hashOrNull == null) {
                BcryptUtil.matches(password, dummyHash);
                return false;
            }
            return BcryptUtil.matches(password, hashOrNull);
        });
    }

    /**
     * The hash on the pool, skipped when its request was given up while it waited (the client or the gateway's
     * deadline closed it: the request's Uni is cancelled). Without that, the pool went on hashing for requests
     * nobody waited for any more, while admission, whose place such a request gave back on cancellation, let new
     * ones in behind them: they waited longer, ran into the deadline in turn, and the pool worked for nobody.
     */
    private <T> Uni<T> onPool(Supplier<T> work) {
        AtomicBoolean abandoned = new AtomicBoolean();
        long submitted = System.nanoTime();
        return OnContext.resume(Uni.createFrom().item(() -> {
            queued.record(System.nanoTime() - submitted, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (abandoned.get()) {
                skipped.increment();
                return null; // nobody receives it
            }
            return timed(work);
        }).runSubscriptionOn(pool)).onCancellation().invoke(() -> abandoned.set(true));
    }

    /** Runs one hash and folds its duration into the estimate ({@link #estimate}). */
    private <T> T timed(Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            long took = System.nanoTime() - started;
            hashNanos.accumulateAndGet(took, PasswordHasher::estimate);
        }
    }

    /**
     * A hash's estimated duration after one more {@code sample}: a moving average that rises fast (weight 1/2) and
     * falls slowly (1/8). When a wave of logins starts, the hashing thread starts sharing the cores with everything
     * else, and each hash can take two to three times as long as it did when the service was idle. An average that
     * rises at 1/8 kept the idle figure for the first eight or so hashes, and admission let the queue fill on that
     * figure. In a CI run, the eighth login then waited 2.4 s. When the wave ends the estimate comes down slowly,
     * which costs a few refusals and never a wait.
     */
    static long estimate(long average, long sample) {
        return sample > average ? average + (sample - average) / 2 : average + (sample - average) / 8;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
