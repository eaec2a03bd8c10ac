package id.go.imigrasi.mpaspor.platform.problem;

import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Failures that mean "the database cannot serve this request right now", not "the request is wrong" nor "the code
 * is wrong": a lost connection ({@code ClosedConnectionException}, the server terminated the backend: SQLSTATE
 * 57P01..57P03, the socket reset), a refused or failed connection (class 08), the server's connection limit ("too many clients
 * already", 53300) and pool exhaustion (acquisition timeout). The problem mapper answers them with 503 and
 * {@code Retry-After} instead of 500 {@code internal-error}; nothing was committed by the failed request, so a retry
 * is safe for the client (writes carry their own idempotency where the use case needs it).
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure} or one of its causes is a transient loss of the database. */
    public static boolean matches(Throwable failure) {
        return anyCause(failure, DatabaseUnavailable::isTransient);
    }

    /** Whether {@code failure} or one of its first 16 causes is {@code what}. */
    static boolean anyCause(Throwable failure, Predicate<Throwable> what) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (what.test(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransient(Throwable t) {
        String type = t.getClass().getName();
        if (type.equals("io.vertx.sqlclient.ClosedConnectionException")
                || type.equals("io.vertx.core.VertxException") && "Connection is closed".equals(t.getMessage())
                || type.equals("io.netty.channel.StacklessClosedChannelException")
                || t instanceof ConnectException || t instanceof SocketException
                || t.getMessage() != null && t.getMessage().startsWith("Connection is not active now")) {
            return true;
        }
        String state = sqlState(t);
        if (state != null && (state.startsWith("08") || state.equals("53300") || state.equals("57P01")
                || state.equals("57P02") || state.equals("57P03"))) {
            return true;
        }
        String message = t.getMessage();
        if (message == null) {
            return false;
        }
        // Vert.x pool: "Timeout" after the pool's connection timeout; Agroal: "Acquisition timeout ..."
        return message.contains("too many clients already")
                || message.contains("Acquisition timeout")
                || (t instanceof TimeoutException || type.endsWith("NoStackTraceTimeoutException"))
                        && isPoolStack(t);
    }

    private static boolean isPoolStack(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("io.vertx.sqlclient") || e.getClassName().startsWith("io.vertx.core.net.impl.pool")) {
                return true;
            }
        }
        // a stackless timeout from the connection pool
        return t.getStackTrace().length == 0;
    }

    /** The SQLSTATE of a JDBC exception or of a Vert.x {@code PgException} (read reflectively: no driver here). */
    static String sqlState(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        if (t.getClass().getName().equals("io.vertx.pgclient.PgException")) {
            try {
                Method m = t.getClass().getMethod("getSqlState");
                Object state = m.invoke(t);
                return state == null ? null : state.toString();
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }
}
