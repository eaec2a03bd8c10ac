package id.go.imigrasi.mpaspor.platform.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} ({@code 00-<trace id>-<parent id>-<flags>}): the trace one saga runs in,
 * and the span (request, consumer's work) that is its current hop. Carried in HTTP headers, in the outbox row and in
 * the CloudEvents distributed-tracing extension ({@code ce_traceparent} on Kafka).
 */
public record TraceParent(String traceId, String spanId, String flags) {

    public static final String HEADER = "traceparent";
    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A valid version-00 traceparent (all-zero ids are invalid by the specification), or empty. */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(header.trim());
        if (!m.matches() || ZERO_TRACE.equals(m.group(1)) || ZERO_SPAN.equals(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(m.group(1), m.group(2), m.group(3)));
    }

    /** A new trace (sampled), for work that no caller started: a request without traceparent, a scheduled job. */
    public static TraceParent newTrace() {
        return new TraceParent(hex(16), hex(8), "01");
    }

    /** The next hop of the same trace: same trace id, a new span id. */
    public TraceParent child() {
        return new TraceParent(traceId, hex(8), flags);
    }

    /** The continuation of the caller's trace, or a new one. */
    public static TraceParent childOf(String header) {
        return parse(header).map(TraceParent::child).orElseGet(TraceParent::newTrace);
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    @Override
    public String toString() {
        return header();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
