package id.go.imigrasi.mpaspor.account.service;

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

    private AccountProblem() {
    }
}
