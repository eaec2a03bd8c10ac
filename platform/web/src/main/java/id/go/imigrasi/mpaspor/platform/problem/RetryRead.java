package id.go.imigrasi.mpaspor.platform.problem;

import java.time.Duration;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs an idempotent read again, once, when the database connection it used was lost ({@link DatabaseUnavailable}):
 * a pooled connection whose backend was terminated fails the first statement sent on it, and the second attempt gets
 * a fresh connection. The second attempt waits {@link #PAUSE} on the request's own Vert.x context first: the dead
 * connection has just gone back to the pool, and its closed socket must be seen before the pool hands out a
 * connection again (without the pause the retry got the same dead connection: "Connection reset"). A second loss
 * reaches the mapper as 503 + Retry-After. Only for reads: a write that failed this way may have been committed before
 * the connection went. Every service uses it through {@link IdempotentReads} on its resources.
 */
public final class RetryRead {

    /** How long the retry waits for the pool to notice the lost connection. */
    public static final Duration PAUSE = Duration.ofMillis(100);

    private RetryRead() {
    }

    public static <T> Uni<T> once(Supplier<Uni<T>> read) {
        return Uni.createFrom().<T>deferred(() -> read.get()).onFailure(DatabaseUnavailable::matches)
                .recoverWithUni(lost -> pause().chain(() -> Uni.createFrom().<T>deferred(() -> read.get())));
    }

    /** {@link #PAUSE} on the current Vert.x context (the request's, so its session-on-demand state stays with it). */
    private static Uni<Void> pause() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(PAUSE);
        }
        return Uni.createFrom().emitter(done -> context.owner().setTimer(PAUSE.toMillis(),
                fired -> context.runOnContext(v -> done.complete(null))));
    }
}
