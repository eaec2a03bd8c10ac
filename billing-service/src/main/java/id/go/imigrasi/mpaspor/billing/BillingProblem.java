package id.go.imigrasi.mpaspor.billing;

import id.go.imigrasi.mpaspor.platform.problem.ProblemType;

/** The problems billing-service answers with; texts in messages.properties (id) and messages_en.properties. */
public final class BillingProblem {

    /** No bill with this code (or not the caller's). */
    public static final ProblemType BILL_NOT_FOUND = ProblemType.of("bill-not-found", 404);
    /**
     * No bill for this application (yet): one is issued within seconds of a submission, so the answer carries
     * Retry-After; an application never submitted, or cancelled, never gets one (docs/integration.md).
     */
    public static final ProblemType BILL_NOT_YET_ISSUED = ProblemType.of("bill-not-yet-issued", 404);
    /** The callback URL names a channel that is not configured. */
    public static final ProblemType UNKNOWN_CHANNEL = ProblemType.of("unknown-payment-channel", 404);
    /** Missing or wrong HMAC signature. */
    public static final ProblemType CALLBACK_SIGNATURE = ProblemType.of("callback-signature-invalid", 401);
    /** Missing, unreadable or stale timestamp (replay protection). */
    public static final ProblemType CALLBACK_TIMESTAMP = ProblemType.of("callback-timestamp-out-of-window", 401);
    /** A well-formed code that no bill has. */
    public static final ProblemType UNKNOWN_BILLING_CODE = ProblemType.of("unknown-billing-code", 422);
    /** The amount paid differs from the bill's total. */
    public static final ProblemType AMOUNT_MISMATCH = ProblemType.of("amount-mismatch", 422);
    /** The channel reference was already used for a different payment. */
    public static final ProblemType CHANNEL_REFERENCE_CONFLICT = ProblemType.of("channel-reference-conflict", 409);

    /** No refund case with this id (for an applicant: none of theirs). */
    public static final ProblemType REFUND_CASE_NOT_FOUND = ProblemType.of("refund-case-not-found", 404);
    /** The refund case cannot make this move from its state (RefundTransitions). */
    public static final ProblemType REFUND_CASE_STATE = ProblemType.of("refund-case-state-conflict", 409);

    private BillingProblem() {
    }
}
