package id.go.imigrasi.mpaspor.application;

import id.go.imigrasi.mpaspor.platform.problem.ProblemType;

/** The problems application-service answers with; texts in messages.properties (id) and messages_en.properties. */
public final class ApplicationProblem {

    /** No such application, or not the caller's (ids cannot be probed). */
    public static final ProblemType APPLICATION_NOT_FOUND = ProblemType.of("application-not-found", 404);
    public static final ProblemType APPLICANT_NOT_FOUND = ProblemType.of("applicant-not-found", 404);
    /** Applicants and documents change only while the application is a draft. */
    public static final ProblemType NOT_EDITABLE = ProblemType.of("application-not-editable", 409);
    /**
     * The account holder's declaration of authority is missing or cannot stand (a minor declared SELF or AUTHORISED):
     * 422 with a field error on {@code authority}; nothing is changed.
     */
    public static final ProblemType AUTHORITY_NOT_DECLARED = ProblemType.of("authority-not-declared", 422);
    /** The sixth applicant. */
    public static final ProblemType APPLICANT_LIMIT = ProblemType.of("applicant-limit-reached", 409);
    /** Anti-scalping: the NIK is already in another active application (or twice in this one). */
    public static final ProblemType NIK_IN_ACTIVE_APPLICATION = ProblemType.of("nik-in-active-application", 409);
    /** Dukcapil answered: this NIK is not registered, or registered with other data. */
    public static final ProblemType DUKCAPIL_REJECTED = ProblemType.of("dukcapil-verification-failed", 422);
    /** Submission refused; the field errors list everything that is missing. */
    public static final ProblemType SUBMISSION_INCOMPLETE = ProblemType.of("submission-incomplete", 422);
    /** quota-service has not announced this hold yet: retry after Retry-After. */
    public static final ProblemType HOLD_NOT_YET_KNOWN = ProblemType.of("hold-not-yet-known", 409);
    /** The hold belongs to another account, or is already used by another application. */
    public static final ProblemType HOLD_NOT_YOURS = ProblemType.of("hold-not-yours", 422);
    /** The status check without login: no application with this number has an applicant of this NIK and birth date. */
    public static final ProblemType STATUS_NOT_FOUND = ProblemType.of("application-status-not-found", 404);
    /** The hold expired or was released: pick a slot again. */
    public static final ProblemType HOLD_EXPIRED = ProblemType.of("hold-expired", 409);
    /** The hold's NIKs do not cover every applicant. */
    public static final ProblemType HOLD_DOES_NOT_COVER = ProblemType.of("hold-does-not-cover-applicants", 422);
    /** An e-passport applicant with a hold taken for ordinary passports only (the date may be closed to e-passports). */
    public static final ProblemType HOLD_PASSPORT_KIND_MISMATCH = ProblemType.of("hold-passport-kind-mismatch", 422);
    /** A same-day applicant without a SAME_DAY hold, or a regular applicant with one. */
    public static final ProblemType HOLD_SERVICE_LINE_MISMATCH = ProblemType.of("hold-service-line-mismatch", 422);
    /** After payment the application can no longer be cancelled online. */
    public static final ProblemType NOT_CANCELLABLE = ProblemType.of("application-not-cancellable", 409);

    /** No accepted document of that type for that applicant (never uploaded, still being checked, or rejected). */
    public static final ProblemType DOCUMENT_NOT_FOUND = ProblemType.of("document-not-found", 404);
    /** An officer opens documents only of an applicant checked in at their office today. */
    public static final ProblemType DOCUMENT_NOT_AT_THE_DESK = ProblemType.of("document-not-at-the-desk", 403);

    /** A NIK claim: the NIK is not held by another account's active application (add it directly). */
    public static final ProblemType NIK_NOT_CLAIMABLE = ProblemType.of("nik-not-claimable", 409);
    /** A NIK claim that needs the office: no phone registered at Dukcapil, or the other application is submitted. */
    public static final ProblemType NIK_CLAIM_AT_OFFICE = ProblemType.of("nik-claim-at-office", 409);
    /** Too many codes sent for this NIK lately: Retry-After. */
    public static final ProblemType NIK_CLAIM_TOO_MANY = ProblemType.of("nik-claim-too-many", 429);
    /** Dukcapil or the SMS provider did not answer: Retry-After. */
    public static final ProblemType NIK_CLAIM_UNAVAILABLE = ProblemType.of("nik-claim-unavailable", 503);
    public static final ProblemType NIK_CLAIM_NOT_FOUND = ProblemType.of("nik-claim-not-found", 404);
    /** The code is wrong; the detail says how many attempts are left. */
    public static final ProblemType NIK_CLAIM_CODE_WRONG = ProblemType.of("nik-claim-code-wrong", 422);
    /** The claim expired, was used, or ran out of attempts: start a new one. */
    public static final ProblemType NIK_CLAIM_CLOSED = ProblemType.of("nik-claim-closed", 409);

    /** Collective service (issue 19): no such batch, or not of the officer's office (ids cannot be probed). */
    public static final ProblemType COLLECTIVE_BATCH_NOT_FOUND = ProblemType.of("collective-batch-not-found", 404);
    /** A NIK of the batch is already in an active application: a field error per member. */
    public static final ProblemType COLLECTIVE_NIK_IN_ACTIVE_APPLICATION =
            ProblemType.of("collective-nik-in-active-application", 422);
    /** The same Idempotency-Key was sent earlier with another request. */
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = ProblemType.of("idempotency-key-reused", 422);

    private ApplicationProblem() {
    }
}
