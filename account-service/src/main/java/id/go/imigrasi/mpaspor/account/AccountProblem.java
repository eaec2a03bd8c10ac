package id.go.imigrasi.mpaspor.account;

import id.go.imigrasi.mpaspor.platform.problem.ProblemType;

/** The account service's own problems; texts in messages.properties / messages_en.properties. */
public final class AccountProblem {

    public static final ProblemType EMAIL_TAKEN = ProblemType.of("email-taken", 409);
    public static final ProblemType INVALID_CREDENTIALS = ProblemType.of("invalid-credentials", 401);
    public static final ProblemType LOGIN_LOCKED = ProblemType.of("login-locked", 429);
    public static final ProblemType ACCOUNT_NOT_VERIFIED = ProblemType.of("account-not-verified", 403);
    public static final ProblemType OTP_REJECTED = ProblemType.of("otp-rejected", 400);
    public static final ProblemType OTP_ATTEMPTS_EXCEEDED = ProblemType.of("otp-attempts-exceeded", 429);
    public static final ProblemType OTP_TOO_SOON = ProblemType.of("otp-too-soon", 429);
    public static final ProblemType OTP_HOURLY_LIMIT = ProblemType.of("otp-hourly-limit", 429);
    public static final ProblemType INVALID_REFRESH_TOKEN = ProblemType.of("invalid-refresh-token", 401);
    public static final ProblemType REFRESH_TOKEN_REUSED = ProblemType.of("refresh-token-reused", 401);
    public static final ProblemType WRONG_CURRENT_PASSWORD = ProblemType.of("wrong-current-password", 400);
    /** An officer for an office quota-service does not know: 422 with a field error on {@code officeCode}. */
    public static final ProblemType UNKNOWN_OFFICE = ProblemType.of("unknown-office", 422);
    /** quota-service could not say whether the office exists: 503 + Retry-After, nothing created. */
    public static final ProblemType OFFICES_UNAVAILABLE = ProblemType.of("offices-unavailable", 503);

    /** The account was disabled by an admin (officers): no login, said only after the right password. */
    public static final ProblemType ACCOUNT_DISABLED = ProblemType.of("account-disabled", 403);
    /** The holder asked for erasure; the account is locked until it is carried out or refused (issue 23). */
    public static final ProblemType ACCOUNT_ERASURE_PENDING = ProblemType.of("account-erasure-pending", 403);
    /** A data export still being gathered from the services (issue 23). */
    public static final ProblemType DATA_EXPORT_NOT_READY = ProblemType.of("data-export-not-ready", 409);
    /** A data export past its link lifetime: its content is deleted; ask for a new one. */
    public static final ProblemType DATA_EXPORT_EXPIRED = ProblemType.of("data-export-expired", 410);

    /** No officer account with this id (admin's officer actions). */
    public static final ProblemType NOT_AN_OFFICER = ProblemType.of("not-an-officer", 404);

    /**
     * A registration or an acceptance without the current privacy notice version (absent, or an older one): 422 with
     * a field error on {@code privacyNoticeVersion} (or {@code noticeVersion}); nothing is created.
     */
    public static final ProblemType PRIVACY_NOTICE_NOT_ACCEPTED = ProblemType.of("privacy-notice-not-accepted", 422);

    /**
     * A desk session for an account this office did not register at its desk, or whose holder has taken it over (set
     * a password): 404, so accounts cannot be probed.
     */
    public static final ProblemType DESK_SESSION_REFUSED = ProblemType.of("desk-session-refused", 404);

    private AccountProblem() {
    }
}
