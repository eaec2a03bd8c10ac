package id.go.imigrasi.mpaspor.billing.domain;

/**
 * Where a refund case is: REQUESTED (opened, waiting for finance), APPROVED (to be paid back by the payout job),
 * PAID (the channel refunded it) or REJECTED (finance keeps the money, with a reason). PAID and REJECTED are final;
 * the moves are {@link RefundTransitions}'.
 */
public enum RefundState {
    REQUESTED, APPROVED, PAID, REJECTED
}
