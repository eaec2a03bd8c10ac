package id.go.imigrasi.mpaspor.quota.domain;

/** HELD until paid (then BOOKED) or released (timeout, billing expired, cancelled). */
public enum HoldStatus {
    HELD, BOOKED, RELEASED
}
