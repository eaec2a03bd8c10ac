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
    /** upload-service, which keeps the documents' bytes, did not answer in time: Retry-After. */
    public static final ProblemType DOCUMENT_STORE_UNAVAILABLE = ProblemType.of("document-store-unavailable", 503);
    /**
     * The document's stored bytes failed their integrity check (changed, cut or moved: upload-service logged it for
     * ops); nothing of it is served, and asking again will not help (410, no Retry-After).
     */
    public static final ProblemType DOCUMENT_UNREADABLE = ProblemType.of("document-unreadable", 410);

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

    /** Helpdesk (issue 22): no such ticket on this application. */
    public static final ProblemType TICKET_NOT_FOUND = ProblemType.of("ticket-not-found", 404);
    /** The ticket is closed (only the applicant's reply reopens it, within the reopen window). */
    public static final ProblemType TICKET_CLOSED = ProblemType.of("ticket-closed", 409);
    /** The ticket was closed longer ago than the reopen window: open a new one. */
    public static final ProblemType TICKET_REOPEN_WINDOW_PASSED = ProblemType.of("ticket-reopen-window-passed", 409);
    /**
     * A correction after submission names a field only the office may change (identity, or what was booked and
     * billed): 422 with a field error per such field saying why; nothing is changed.
     */
    public static final ProblemType CORRECTION_AT_OFFICE = ProblemType.of("correction-at-office", 422);
    /** No correction of a draft: it is edited as such (PUT the applicant). */
    public static final ProblemType CORRECTION_OF_DRAFT = ProblemType.of("correction-of-draft", 409);
    /** No correction online once the office visit began: the officer corrects it at the desk with the originals. */
    public static final ProblemType CORRECTION_AFTER_CHECK_IN = ProblemType.of("correction-after-check-in", 409);
    /** No correction of a finished application. */
    public static final ProblemType CORRECTION_OF_FINISHED = ProblemType.of("correction-of-finished-application", 409);
    /** No mail of that kind was ever queued for this application, so there is nothing to resend. */
    public static final ProblemType MAIL_NOT_FOUND = ProblemType.of("mail-not-found", 404);
    /** What the mail said no longer holds (the bill was paid or expired): it is not sent again. */
    public static final ProblemType MAIL_NOT_RESENDABLE = ProblemType.of("mail-not-resendable", 409);
    /** The mail was resent a moment ago: Retry-After. */
    public static final ProblemType MAIL_RESEND_TOO_SOON = ProblemType.of("mail-resend-too-soon", 429);

    private ApplicationProblem() {
    }
}
