package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import id.go.imigrasi.mpaspor.account.AccountProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.domain.Otp;
import id.go.imigrasi.mpaspor.account.domain.OtpRequest;
import id.go.imigrasi.mpaspor.account.mail.MailOutbox;
import id.go.imigrasi.mpaspor.account.repository.OtpGuardRepository;
import id.go.imigrasi.mpaspor.account.repository.OtpRepository;
import id.go.imigrasi.mpaspor.account.repository.OtpRequestRepository;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The OTP rules, for email verification and password reset alike: a code lives {@code lifetime}; after
 * {@code max-attempts} wrong tries it is void; a new one may be sent at most once per {@code resend-interval}
 * and {@code max-per-hour} times an hour per email (counted for unknown emails too, so that limits reveal
 * nothing). Every method runs inside the caller's transaction.
 */
@ApplicationScoped
public class OtpPolicy {

    /** The outcome of a check; wrong attempts must be committed before the error is answered. */
    public record Check(Result result, int remaining, Duration retryAfter) {

        public enum Result {
            ACCEPTED, WRONG, EXHAUSTED
        }

        public boolean accepted() {
            return result == Result.ACCEPTED;
        }

        /** The answer to give when not accepted. */
        public ProblemException problem() {
            return switch (result) {
                case WRONG -> new ProblemException(AccountProblem.OTP_REJECTED, List.of(),
                        List.of(FieldError.of("otp", "account.otp.wrong", remaining)), null);
                case EXHAUSTED -> ProblemException.retryLater(AccountProblem.OTP_ATTEMPTS_EXCEEDED, retryAfter);
                case ACCEPTED -> throw new IllegalStateException("an accepted OTP is not a problem");
            };
        }
    }

    private final OtpRepository otps;
    private final OtpGuardRepository guards;
    private final OtpRequestRepository requests;
    private final OtpCodes codes;
    private final MailOutbox mail;
    private final AccountConfig.OtpPolicy policy;

    public OtpPolicy(OtpRepository otps, OtpGuardRepository guards, OtpRequestRepository requests, OtpCodes codes, MailOutbox mail,
            AccountConfig config) {
        this.otps = otps;
        this.guards = guards;
        this.requests = requests;
        this.codes = codes;
        this.mail = mail;
        this.policy = config.otp();
    }

    /**
     * Counts a request to send a code to {@code email}; fails with 429 + Retry-After beyond the limits. Once
     * admitted, the wrong-code count of {@code purpose} starts again (for unknown emails too).
     */
    public Uni<Void> admit(String email, Otp.Purpose purpose, Instant now) {
        return requests.lockEmail(email)
                .chain(() -> requests.newest(email, policy.maxPerHour()))
                .chain(recent -> {
                    Optional<ProblemException> refused = refusal(recent.stream().map(r -> r.requestedAt).toList(), now);
                    if (refused.isPresent()) {
                        return Uni.createFrom().failure(refused.get());
                    }
                    OtpRequest request = new OtpRequest();
                    request.email = email;
                    request.requestedAt = now;
                    return requests.persist(request).chain(() -> guards.reset(email, purpose));
                });
    }

    /** Replaces any open code of this purpose with a new one and queues the email carrying it. */
    public Uni<Void> issue(Account account, Otp.Purpose purpose, Instant now) {
        String code = codes.newCode();
        Otp otp = new Otp();
        otp.id = UUID.randomUUID();
        otp.accountId = account.id;
        otp.purpose = purpose;
        otp.codeHash = codes.hash(otp.id, code);
        otp.createdAt = now;
        otp.expiresAt = now.plus(policy.lifetime());
        MailOutbox.Kind kind = purpose == Otp.Purpose.VERIFY_EMAIL ? MailOutbox.Kind.OTP_VERIFY_EMAIL
                : MailOutbox.Kind.OTP_RESET_PASSWORD;
        return otps.voidOpen(account.id, purpose, now)
                .chain(() -> otps.persist(otp))
                .chain(() -> mail.enqueue(account, kind, code, policy.lifetime().toMinutes()));
    }

    /**
     * Replaces any open phone code of the account with a new one bound to {@code phone} and queues the text carrying
     * it to that number (not to the account's current one).
     */
    public Uni<Void> issueToPhone(Account account, String phone, Instant now) {
        String code = codes.newCode();
        Otp otp = new Otp();
        otp.id = UUID.randomUUID();
        otp.accountId = account.id;
        otp.purpose = Otp.Purpose.VERIFY_PHONE;
        otp.target = phone;
        otp.codeHash = codes.hash(otp.id, code);
        otp.createdAt = now;
        otp.expiresAt = now.plus(policy.lifetime());
        return otps.voidOpen(account.id, Otp.Purpose.VERIFY_PHONE, now)
                .chain(() -> otps.persist(otp))
                .chain(() -> mail.text(account, phone, MailOutbox.Kind.OTP_VERIFY_PHONE, code,
                        policy.lifetime().toMinutes()));
    }

    /**
     * Checks {@code code} against the newest code of this purpose of {@code account} (null for an unknown email).
     * The attempt is counted first, atomically, per (email, purpose), known email or not: concurrent tries never
     * evaluate more than {@code max-attempts} codes, and the answers are the same whether the email exists, is
     * already verified, or has an expired code. The last allowed wrong try voids the code.
     */
    public Uni<Check> check(String email, Account account, Otp.Purpose purpose, String code, Instant now) {
        return guards.countAttempt(email, purpose, policy.maxAttempts()).chain(attempt -> {
            if (attempt == null) {
                return lastRequest(email).map(sent -> exhausted(sent, now));
            }
            Uni<Otp> newest = account == null ? Uni.createFrom().nullItem() : otps.newest(account.id, purpose);
            return newest.chain(otp -> {
                boolean usable = otp != null && otp.isOpen() && otp.expiresAt.isAfter(now)
                        && (purpose != Otp.Purpose.VERIFY_EMAIL || !account.isActive());
                Check.Result verdict = verdict(attempt, usable, usable && codes.matches(otp.id, code, otp.codeHash));
                if (verdict == Check.Result.ACCEPTED) {
                    otp.consumedAt = now;
                    return guards.reset(email, purpose).replaceWith(new Check(Check.Result.ACCEPTED, 0, null));
                }
                if (usable) {
                    otp.attempts = attempt;
                }
                if (verdict == Check.Result.EXHAUSTED) {
                    if (usable) {
                        otp.voidedAt = now;
                    }
                    return lastRequest(email).map(sent -> exhausted(sent, now));
                }
                return Uni.createFrom().item(new Check(Check.Result.WRONG, policy.maxAttempts() - attempt, null));
            });
        });
    }

    /**
     * The sending rule: whether a new code may be sent at {@code now}, given the times of the email's newest requests
     * (newest first, at most {@code max-per-hour}); empty when it may, else the 429 to answer, with its Retry-After.
     */
    Optional<ProblemException> refusal(List<Instant> recent, Instant now) {
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        Instant nextAllowed = recent.get(0).plus(policy.resendInterval());
        if (nextAllowed.isAfter(now)) {
            return Optional.of(ProblemException.retryLater(AccountProblem.OTP_TOO_SOON, Duration.between(now, nextAllowed)));
        }
        Instant hourAgo = now.minus(Duration.ofHours(1));
        List<Instant> inLastHour = recent.stream().filter(at -> at.isAfter(hourAgo)).toList();
        if (inLastHour.size() >= policy.maxPerHour()) {
            Instant oldest = inLastHour.get(inLastHour.size() - 1);
            return Optional.of(ProblemException.retryLater(AccountProblem.OTP_HOURLY_LIMIT,
                    Duration.between(now, oldest.plus(Duration.ofHours(1)))));
        }
        return Optional.empty();
    }

    /**
     * The checking rule, for the {@code attempt}-th counted try of a code that is {@code usable} (open, not expired,
     * of an account it still applies to) and does or does not {@code match}: accepted, wrong with the tries left, or
     * exhausted (the last allowed wrong try; the caller voids the code and says when a new one may be asked for).
     */
    Check.Result verdict(int attempt, boolean usable, boolean matches) {
        if (usable && matches) {
            return Check.Result.ACCEPTED;
        }
        return attempt >= policy.maxAttempts() ? Check.Result.EXHAUSTED : Check.Result.WRONG;
    }

    private Uni<Instant> lastRequest(String email) {
        return requests.newest(email, 1).map(recent -> recent.isEmpty() ? null : recent.get(0).requestedAt);
    }

    /** No attempt left: a new code can be requested once the resend interval since the last request has passed. */
    Check exhausted(Instant lastRequest, Instant now) {
        Duration wait = lastRequest == null ? Duration.ZERO
                : Duration.between(now, lastRequest.plus(policy.resendInterval()));
        return new Check(Check.Result.EXHAUSTED, 0, wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }
}
