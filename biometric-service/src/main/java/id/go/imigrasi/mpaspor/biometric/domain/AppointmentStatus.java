package id.go.imigrasi.mpaspor.biometric.domain;

/**
 * The steps of an office visit and of the passport after it:
 * SCHEDULED → CHECKED_IN → INTERVIEWED → CAPTURED → APPROVED → ISSUED → COLLECTED | IN_DELIVERY → DELIVERED;
 * REJECTED (interview or decision), NO_SHOW (day passed), CANCELLED (application withdrawn), UNCOLLECTED
 * (issued, not collected in time).
 */
public enum AppointmentStatus {
    SCHEDULED, CHECKED_IN, INTERVIEWED, CAPTURED, APPROVED, REJECTED, ISSUED, IN_DELIVERY, DELIVERED, COLLECTED,
    NO_SHOW, CANCELLED, UNCOLLECTED;

    /** Checked in or further along the visit (or its outcome). */
    public boolean checkedIn() {
        return this != SCHEDULED && this != NO_SHOW && this != CANCELLED;
    }
}
