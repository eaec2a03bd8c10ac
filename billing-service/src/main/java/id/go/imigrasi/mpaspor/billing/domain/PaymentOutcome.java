package id.go.imigrasi.mpaspor.billing.domain;

/** What a recorded payment did: settled the bill, or money to return (see {@link RefundReason}). */
public enum PaymentOutcome {
    APPLIED, REFUND_REQUIRED
}
