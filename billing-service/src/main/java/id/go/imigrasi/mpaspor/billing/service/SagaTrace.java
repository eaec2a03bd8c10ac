package id.go.imigrasi.mpaspor.billing.service;

import id.go.imigrasi.mpaspor.billing.domain.Bill;
import id.go.imigrasi.mpaspor.platform.trace.TraceParent;
import id.go.imigrasi.mpaspor.platform.trace.Tracing;

/**
 * A bill belongs to its application's saga: it keeps the trace it was issued in, and the work that no saga request
 * started (a channel's payment callback, the expiry job) continues that trace, so the events it publishes and the
 * consumers' work on them are one trace with the submission.
 */
final class SagaTrace {

    private SagaTrace() {
    }

    /** At issue: the trace of the work at hand (the consumer's span of ApplicationSubmitted). */
    static void remember(Bill bill) {
        bill.traceparent = Tracing.current().map(TraceParent::header).orElse(null);
    }

    /** Before publishing about the bill: a new span of the bill's trace (nothing changes for untraced bills). */
    static void resume(Bill bill) {
        TraceParent.parse(bill.traceparent).map(TraceParent::child).ifPresent(Tracing::enter);
    }
}
