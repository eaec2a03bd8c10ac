package id.go.imigrasi.mpaspor.platform.trace;

import java.util.Optional;

import org.jboss.logging.MDC;

/**
 * The trace of the work at hand, kept in the log context: in Quarkus the MDC lives on the Vert.x (duplicated)
 * context of the request or message, so it follows reactive code across threads. Every JSON log line carries
 * {@code traceId} and {@code spanId}; the outbox stores {@link #current()} with each event it appends.
 */
public final class Tracing {

    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";
    private static final String TRACEPARENT = "traceparent";

    private Tracing() {
    }

    /** Makes {@code trace} the current hop (for this request or message) and puts its ids in the log context. */
    public static TraceParent enter(TraceParent trace) {
        MDC.put(TRACEPARENT, trace.header());
        MDC.put(TRACE_ID, trace.traceId());
        MDC.put(SPAN_ID, trace.spanId());
        return trace;
    }

    public static Optional<TraceParent> current() {
        Object header = MDC.get(TRACEPARENT);
        return header == null ? Optional.empty() : TraceParent.parse(header.toString());
    }

    /** The current hop, or a new trace made current (work nothing traced started, e.g. a scheduled job). */
    public static TraceParent currentOrNew() {
        return current().orElseGet(() -> enter(TraceParent.newTrace()));
    }

    public static void leave() {
        MDC.remove(TRACEPARENT);
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
    }
}
