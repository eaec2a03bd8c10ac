package id.go.imigrasi.mpaspor.quota.domain;

/** Why a hold or booking gave its capacity back (HoldReleased.reason). */
public enum ReleaseReason {
    HOLD_TIMEOUT, BILLING_EXPIRED, APPLICATION_CANCELLED
}
