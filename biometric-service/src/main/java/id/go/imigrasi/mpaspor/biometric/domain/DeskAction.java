package id.go.imigrasi.mpaspor.biometric.domain;

/**
 * What an officer (or an admin) did on an appointment, as the desk's audit ({@code officer_action}) records it. The
 * same names are the website's text keys ({@code audit_<name>}).
 */
public enum DeskAction {
    CHECKED_IN,
    INTERVIEW_VERIFIED,
    INTERVIEW_REJECTED,
    FACE_CAPTURED,
    FINGERS_CAPTURED,
    FINGER_EXCEPTION,
    APPROVED,
    REJECTED,
    PASSPORT_ISSUED,
    PASSPORT_COLLECTED,
    HANDED_TO_POS,
    /** Someone other than the owner opened the appointment's biometric results (first time that day). */
    RESULTS_READ
}
