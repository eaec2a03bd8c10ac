package id.go.imigrasi.mpaspor.quota;

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
    /** The release has no waiting room (none was ever opened, or it closed more than an hour ago). */
    public static final ProblemType WAITING_ROOM_NOT_FOUND = ProblemType.of("waiting-room-not-found", 404);
    /** The waiting room opens later ({0}). */
    public static final ProblemType WAITING_ROOM_NOT_OPEN = ProblemType.of("waiting-room-not-open", 409);
    /** The waiting room's window is over: holds are first come, first served again. */
    public static final ProblemType WAITING_ROOM_CLOSED = ProblemType.of("waiting-room-closed", 409);
    /** Every place of the release is taken ({0}: the office's next release, or a dash). */
    public static final ProblemType RELEASE_SOLD_OUT = ProblemType.of("release-sold-out", 409);
    /** A waiting-room ticket that is forged, expired or of another release. */
    public static final ProblemType TICKET_INVALID = ProblemType.of("waiting-room-ticket-invalid", 403);
    /** A waiting-room ticket of another account. */
    public static final ProblemType TICKET_NOT_YOURS = ProblemType.of("waiting-room-ticket-not-yours", 403);
    /** The position is not admitted yet (+ Retry-After). */
    public static final ProblemType NOT_YOUR_TURN = ProblemType.of("waiting-room-not-your-turn", 409);
    /** During a release's window a hold needs a hold pass from its waiting room ({0}: the room's URL). */
    public static final ProblemType HOLD_PASS_REQUIRED = ProblemType.of("hold-pass-required", 403);
    /** A release subscription needs the account's mail address, and the token carries none. */
    public static final ProblemType NO_EMAIL_TO_NOTIFY = ProblemType.of("no-email-to-notify", 422);

    private QuotaProblem() {
    }
}
