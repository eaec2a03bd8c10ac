package id.go.imigrasi.mpaspor.biometric.domain;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The biometric capture rules in one place: when a face photo and a finger pass, when a finger needs an
 * exception, and when the capture is complete (the photo passed and every one of the ten fingers passed or has
 * an exception).
 */
public final class CaptureRules {

    /** What the officer sees per finger. */
    public enum FingerState {
        PENDING, RETRY, PASSED, EXCEPTION_REQUIRED, EXCEPTION
    }

    private final int faceThreshold;
    private final int fingerThreshold;
    private final int maxFingerAttempts;

    public CaptureRules(int faceThreshold, int fingerThreshold, int maxFingerAttempts) {
        this.faceThreshold = faceThreshold;
        this.fingerThreshold = fingerThreshold;
        this.maxFingerAttempts = maxFingerAttempts;
    }

    public int maxFingerAttempts() {
        return maxFingerAttempts;
    }

    public boolean facePasses(int icaoScore, boolean icaoCompliant) {
        return icaoCompliant && icaoScore >= faceThreshold;
    }

    public boolean fingerPasses(int nfiq2Score) {
        return nfiq2Score >= fingerThreshold;
    }

    public FingerState state(FingerCapture capture) {
        if (capture == null || capture.attempts == 0 && capture.exceptionKind == null) {
            return FingerState.PENDING;
        }
        if (capture.passed) {
            return FingerState.PASSED;
        }
        if (capture.exceptionKind != null) {
            return FingerState.EXCEPTION;
        }
        return capture.attempts >= maxFingerAttempts ? FingerState.EXCEPTION_REQUIRED : FingerState.RETRY;
    }

    /** Another attempt on this finger is accepted only while it is not done and has attempts left. */
    public boolean acceptsAttempt(FingerCapture capture) {
        FingerState s = state(capture);
        return s == FingerState.PENDING || s == FingerState.RETRY;
    }

    /** An exception needs the failed attempts first, except for a missing (amputated) finger. */
    public boolean acceptsException(FingerCapture capture, FingerException kind) {
        FingerState s = state(capture);
        if (s == FingerState.PASSED || s == FingerState.EXCEPTION) {
            return false;
        }
        return kind == FingerException.AMPUTATED || s == FingerState.EXCEPTION_REQUIRED;
    }

    public boolean complete(boolean facePassed, Collection<FingerCapture> fingers) {
        if (!facePassed) {
            return false;
        }
        Map<Finger, FingerCapture> byFinger = new EnumMap<>(Finger.class);
        fingers.forEach(f -> byFinger.put(f.finger, f));
        for (Finger finger : Finger.values()) {
            FingerCapture c = byFinger.get(finger);
            if (c == null || !c.done()) {
                return false;
            }
        }
        return true;
    }
}
