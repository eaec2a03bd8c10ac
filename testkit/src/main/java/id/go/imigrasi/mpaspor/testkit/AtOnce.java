package id.go.imigrasi.mpaspor.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * "Run it n times at once", as n instances of a service would: every copy on its own thread, all released by one
 * latch, then their results in order. For jobs that must do their work once whatever the number of instances (an
 * expiry, the no-show sweep) and for requests that race:
 *
 * <pre>
 * List&lt;Integer&gt; claimed = AtOnce.run(2, () -&gt; VertxContextSupport.subscribeAndAwait(() -&gt; expiry.expireAllDue()));
 * </pre>
 */
public final class AtOnce {

    private static final long TIMEOUT_SECONDS = 120;

    private AtOnce() {
    }

    /** What each copy runs (it may throw anything, as {@code VertxContextSupport.subscribeAndAwait} does). */
    @FunctionalInterface
    public interface Task<T> {
        T call() throws Throwable;
    }

    /** Runs {@code task} {@code n} times at once; the results in start order; the first failure is thrown. */
    public static <T> List<T> run(int n, Task<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<T>> runs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return task.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
            start.countDown();
            List<T> results = new ArrayList<>(n);
            for (CompletableFuture<T> run : runs) {
                try {
                    results.add(run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                } catch (TimeoutException e) {
                    throw new AssertionError("a run did not end within " + TIMEOUT_SECONDS + " s", e);
                }
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs {@code task} twice at once, as two instances would. */
    public static <T> List<T> twice(Task<T> task) throws Exception {
        return run(2, task);
    }
}
