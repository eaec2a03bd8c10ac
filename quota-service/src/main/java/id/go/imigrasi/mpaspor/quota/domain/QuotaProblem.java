package id.go.imigrasi.mpaspor.quota.domain;

import id.go.imigrasi.mpaspor.platform.problem.ProblemType;

/** The problems quota-service answers with; texts in messages*.properties. */
public final class QuotaProblem {

    public static final ProblemType OFFICE_NOT_FOUND = ProblemType.of("office-not-found", 404);
    public static final ProblemType HOLD_NOT_FOUND = ProblemType.of("hold-not-found", 404);
    public static final ProblemType BOOKING_NOT_FOUND = ProblemType.of("booking-not-found", 404);
    public static final ProblemType QUOTA_FULL = ProblemType.of("quota-full", 409);
    public static final ProblemType QUOTA_NOT_RELEASED = ProblemType.of("quota-not-released", 409);
    public static final ProblemType DATE_CLOSED = ProblemType.of("date-closed", 409);
    public static final ProblemType E_PASSPORT_CLOSED = ProblemType.of("e-passport-closed", 409);
    public static final ProblemType NIK_ALREADY_HELD = ProblemType.of("nik-already-held", 409);
    public static final ProblemType ACTIVE_HOLD_EXISTS = ProblemType.of("active-hold-exists", 409);
    public static final ProblemType RESCHEDULE_NOT_PAID = ProblemType.of("reschedule-not-paid", 409);
    public static final ProblemType RESCHEDULE_TOO_LATE = ProblemType.of("reschedule-too-late", 409);
    public static final ProblemType RESCHEDULE_LIMIT_REACHED = ProblemType.of("reschedule-limit-reached", 409);
    public static final ProblemType BOOKING_NOT_ACTIVE = ProblemType.of("booking-not-active", 409);
    /** The same Idempotency-Key was sent earlier with another request. */
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = ProblemType.of("idempotency-key-reused", 422);
    /** A NIK of the hold is not an applicant of any application of the account. */
    public static final ProblemType NIK_NOT_AN_APPLICANT = ProblemType.of("nik-not-an-applicant", 422);
    /** A NIK is not yet known as the account's applicant and application-service's event may still be on its way. */
    public static final ProblemType APPLICANTS_NOT_YET_KNOWN = ProblemType.of("applicants-not-yet-known", 409);

    private QuotaProblem() {
    }
}
