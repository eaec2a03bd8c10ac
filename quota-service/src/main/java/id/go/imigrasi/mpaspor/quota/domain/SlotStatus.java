package id.go.imigrasi.mpaspor.quota.domain;

/** What the calendar shows for one date and session. */
public enum SlotStatus {
    AVAILABLE, FULL, CLOSED, NOT_RELEASED
}
