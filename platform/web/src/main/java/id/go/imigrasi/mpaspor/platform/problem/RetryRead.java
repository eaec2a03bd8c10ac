package id.go.imigrasi.mpaspor.platform.problem;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Runs an idempotent read again, once, when the database connection it used was lost
 * ({@link DatabaseUnavailable}): a pooled connection whose backend was terminated fails the first statement sent
 * on it, and the second attempt gets a fresh connection. A second loss reaches the mapper as 503 + Retry-After.
 * Only for reads: a write that failed this way may have been committed before the connection went.
 */
public final class RetryRead {

    private RetryRead() {
    }

    public static <T> Uni<T> once(Supplier<Uni<T>> read) {
        return Uni.createFrom().<T>deferred(() -> read.get()).onFailure(DatabaseUnavailable::matches).retry().atMost(1);
    }
}
