package id.go.imigrasi.mpaspor.application.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings the result of an outbound call (which may complete on a fault-tolerance timer or an I/O thread) back to
 * the caller's Vert.x context, where Hibernate Reactive must continue.
 */
public final class OnContext {

    private OnContext() {
    }

    public static <T> Uni<T> resume(Uni<T> call) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return call;
        }
        return call.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
