package id.go.imigrasi.mpaspor.billing.domain;

/**
 * ISSUED until paid in time (PAID), past its deadline (EXPIRED) or withdrawn with its application (CANCELLED);
 * the last three are final.
 */
public enum BillStatus {
    ISSUED, PAID, EXPIRED, CANCELLED
}
