package id.go.imigrasi.mpaspor.billing.domain;

/** Why a recorded payment must be refunded (the payment's refund reason and its refund case's). */
public enum RefundReason {
    /** Paid after the bill expired: the booking is not revived. */
    LATE,
    /** The bill had already been paid through another channel reference. */
    ALREADY_PAID,
    /** The application (and with it the bill) was cancelled before the payment. */
    CANCELLED,
    /**
     * A paid application was cancelled and {@link CancellationRefundPolicy} allows a refund: the payment itself was
     * applied (it stays APPLIED), only its refund case carries this reason.
     */
    CANCELLED_AFTER_PAYMENT
}
