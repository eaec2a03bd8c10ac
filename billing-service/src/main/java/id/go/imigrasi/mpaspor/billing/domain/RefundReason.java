package id.go.imigrasi.mpaspor.billing.domain;

/** Why a recorded payment must be refunded. */
public enum RefundReason {
    /** Paid after the bill expired: the booking is not revived. */
    LATE,
    /** The bill had already been paid through another channel reference. */
    ALREADY_PAID,
    /** The application (and with it the bill) was cancelled before the payment. */
    CANCELLED
}
