package id.go.imigrasi.mpaspor.biometric.domain;

/** Why a finger cannot be captured, as the officer records it (always with a free-text reason). */
public enum FingerException {
    /** Temporarily injured (bandage, wound). */
    INJURED,
    /** Missing finger: may be recorded without failed attempts, there is nothing to scan. */
    AMPUTATED,
    /** Present but no usable print after the attempts (dry or worn skin, scars). */
    UNREADABLE
}
