package id.go.imigrasi.mpaspor.biometric;

import id.go.imigrasi.mpaspor.platform.problem.ProblemType;

/** The problems biometric-service answers with; texts in messages.properties (id) and messages_en.properties. */
public final class BiometricProblem {

    /** No appointment with this id (or not the caller's). */
    public static final ProblemType APPOINTMENT_NOT_FOUND = ProblemType.of("appointment-not-found", 404);
    /** Check-in: no appointment has this booking code. */
    public static final ProblemType UNKNOWN_BOOKING_CODE = ProblemType.of("unknown-booking-code", 404);
    /** Check-in: the booking is for another office than the officer's. */
    public static final ProblemType WRONG_OFFICE = ProblemType.of("wrong-office", 403);
    /** Check-in: today is not the appointment date. */
    public static final ProblemType WRONG_DATE = ProblemType.of("wrong-appointment-date", 422);
    /** The NIK on the original e-KTP is not the booked NIK (a resold slot) / not the applicant's at pickup. */
    public static final ProblemType NIK_MISMATCH = ProblemType.of("nik-mismatch", 422);
    /** Check-in: already done. */
    public static final ProblemType ALREADY_CHECKED_IN = ProblemType.of("already-checked-in", 409);
    /** Check-in: the appointment was cancelled or marked no-show. */
    public static final ProblemType APPOINTMENT_CLOSED = ProblemType.of("appointment-closed", 409);
    /** The action does not fit the appointment's current step. */
    public static final ProblemType WRONG_STEP = ProblemType.of("wrong-step", 409);
    /** A finger failed the maximum number of attempts: the officer must record an exception. */
    public static final ProblemType FINGER_EXCEPTION_REQUIRED = ProblemType.of("finger-exception-required", 409);
    /** A finger already passed or has an exception. */
    public static final ProblemType FINGER_ALREADY_DONE = ProblemType.of("finger-already-done", 409);
    /** An exception before the finger failed the maximum number of attempts (except an amputated finger). */
    public static final ProblemType FINGER_EXCEPTION_TOO_EARLY = ProblemType.of("finger-exception-too-early", 409);
    /** Approval before the capture is complete. */
    public static final ProblemType CAPTURE_INCOMPLETE = ProblemType.of("capture-incomplete", 409);
    /** Pickup by a family member whose family card is not the applicant's. */
    public static final ProblemType FAMILY_CARD_MISMATCH = ProblemType.of("family-card-mismatch", 422);
    /** Pos Indonesia did not answer in time: retry later. */
    public static final ProblemType POS_UNAVAILABLE = ProblemType.of("pos-unavailable", 503);

    private BiometricProblem() {
    }
}
