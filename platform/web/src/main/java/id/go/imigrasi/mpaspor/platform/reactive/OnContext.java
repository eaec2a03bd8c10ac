package id.go.imigrasi.mpaspor.platform.reactive;

import java.util.concurrent.Executor;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * "Resume on the caller's Vert.x context after an outbound call", written once. The result of a call that completes
 * elsewhere (a worker pool, a fault-tolerance timer, an I/O thread of another client, a Vert.x timer) must come back
 * to the context of the request or message that made it: Hibernate Reactive's session and transaction belong to that
 * context. Capture the context while still on it, before the call, then emit on it.
 */
public final class OnContext {

    private OnContext() {
    }

    /**
     * The caller's context as an executor, captured now: runs a task on it ({@code runOnContext}), or at once when
     * there was no context (a plain thread: a test, {@code main}).
     */
    public static Executor capture() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    /** {@code call}'s item or failure, delivered on the context of the thread calling this method. */
    public static <T> Uni<T> resume(Uni<T> call) {
        return Vertx.currentContext() == null ? call : call.emitOn(capture());
    }
}
