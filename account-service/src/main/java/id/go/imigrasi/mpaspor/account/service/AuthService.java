package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.account.AccountProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.repository.AccountRepository;
import id.go.imigrasi.mpaspor.account.repository.RefreshTokenRepository;
import id.go.imigrasi.mpaspor.contracts.account.AccountLocked;
import id.go.imigrasi.mpaspor.contracts.account.RefreshTokenReused;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Login, refresh and logout. Attempts are limited by {@link LoginThrottle} (per email and client, with a slower
 * back-off per email), counted before the password is checked, for unknown emails too, so the answers never tell
 * which emails exist. An unverified account answers like a wrong password unless the password is right; only
 * then does it say that the email still needs its code. Refresh tokens rotate on every use; presenting a rotated
 * one again is theft or a replay: the whole session is revoked and a {@link RefreshTokenReused} published.
 */
@ApplicationScoped
public class AuthService {

    private final AccountRepository accounts;
    private final LoginThrottle throttle;
    private final RefreshTokenRepository refreshTokens;
    private final SessionRevocation sessions;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final Outbox outbox;
    private final SecurityLog log;
    private final DeskSessions desk;

    private final Clock clock;

    public AuthService(AccountRepository accounts, LoginThrottle throttle, RefreshTokenRepository refreshTokens,
            SessionRevocation sessions, PasswordHasher hasher, TokenIssuer tokens, Outbox outbox, SecurityLog log, DeskSessions desk, Clock clock) {
        this.clock = clock;
        this.desk = desk;
        this.accounts = accounts;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.outbox = outbox;
        this.log = log;
    }

    /** The outcome of a login; failures are committed (counted) before they are answered. */
    public record Login(TokenIssuer.Tokens tokens, ProblemException problem) {
    }

    public Uni<Login> login(String rawEmail, String password, String client) {
        String email = Contacts.normalizeEmail(rawEmail);
        return hasher.admit(() -> throttled(email, client)
                .chain(() -> Panache.withSession(() -> accounts.findByEmail(email)))
                .chain(account -> hasher.verify(password == null ? "" : password, account == null ? null : account.passwordHash)
                        .chain(ok -> ok ? succeed(account, client) : fail(email, client, account))));
    }

    /** Counts an attempt at the password of {@code email} from {@code client}, or fails with 429 (logged). */
    Uni<Void> throttled(String email, String client) {
        return throttle.reserve(email, client).onFailure(ProblemException.class).invoke(e -> log.log(
                SecurityLog.Event.LOGIN_THROTTLED, "email", SecurityLog.mask(email), "client", client));
    }

    private Uni<Login> succeed(Account account, String client) {
        Uni<Void> reset = throttle.succeeded(account.email, client);
        if (account.status == Account.Status.DISABLED) {
            // the right password of a disabled officer: said plainly, the admin knows why
            return reset.replaceWith(new Login(null, ProblemException.of(AccountProblem.ACCOUNT_DISABLED)));
        }
        if (account.status == Account.Status.ERASURE_PENDING) {
            return reset.replaceWith(new Login(null, ProblemException.of(AccountProblem.ACCOUNT_ERASURE_PENDING)));
        }
        if (!account.isActive()) {
            // the right password: now, and only now, it may say that the email still needs its code
            return reset.replaceWith(new Login(null, ProblemException.of(AccountProblem.ACCOUNT_NOT_VERIFIED)));
        }
        return reset.chain(() -> Panache.withTransaction(() -> {
            TokenIssuer.Issued issued = tokens.issue(account, UUID.randomUUID(), clock.instant());
            return refreshTokens.persist(issued.row()).replaceWith(new Login(issued.tokens(), null));
        }));
    }

    private Uni<Login> fail(String email, String client, Account account) {
        log.log(SecurityLog.Event.LOGIN_FAILED, "email", SecurityLog.mask(email), "client", client,
                "account_id", account == null ? null : account.id);
        return Panache.withTransaction(() -> failed(email, client, account)).map(locked -> new Login(null,
                locked.isPresent() ? LoginThrottle.locked(throttle.lockDuration())
                        : ProblemException.of(AccountProblem.INVALID_CREDENTIALS)));
    }

    /** Records a wrong password in the caller's transaction; when it locks, logs it and announces it. */
    Uni<Optional<Instant>> failed(String email, String client, Account account) {
        return throttle.failed(email, client).call(locked -> {
            if (locked.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            log.log(SecurityLog.Event.LOGIN_LOCKED, "email", SecurityLog.mask(email), "client", client,
                    "account_id", account == null ? null : account.id, "locked_until", locked.get());
            return account == null ? Uni.createFrom().voidItem()
                    : outbox.append(new AccountLocked(account.id.toString(), throttle.maxFailures(), locked.get()));
        });
    }

    /** Rotation: the presented token is spent, a new one of the same session is returned. */
    public Uni<Login> refresh(String refreshToken) {
        String hash = TokenIssuer.sha256(refreshToken == null ? "" : refreshToken);
        return Panache.withTransaction(() -> refreshTokens.find("tokenHash", hash)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().chain(row -> {
                    Instant now = clock.instant();
                    if (row == null || row.revokedAt != null || !row.expiresAt.isAfter(now)) {
                        return Uni.createFrom().item(new Login(null,
                                ProblemException.of(AccountProblem.INVALID_REFRESH_TOKEN)));
                    }
                    if (row.rotatedAt != null) {
                        log.log(SecurityLog.Event.REFRESH_TOKEN_REUSED, "account_id", row.accountId,
                                "session_id", row.familyId);
                        return sessions.revoke(row.accountId, row.familyId, SessionRevocation.Reason.REFRESH_TOKEN_REUSED, now)
                                .chain(() -> outbox.append(new RefreshTokenReused(row.accountId.toString(),
                                        row.familyId.toString(), now)))
                                .replaceWith(new Login(null, ProblemException.of(AccountProblem.REFRESH_TOKEN_REUSED)));
                    }
                    row.rotatedAt = now;
                    return accounts.findById(row.accountId).chain(account -> {
                        if (account.status == Account.Status.DISABLED) {
                            return Uni.createFrom().item(new Login(null,
                                    ProblemException.of(AccountProblem.INVALID_REFRESH_TOKEN)));
                        }
                        return desk.stillAtTheDesk(row).chain(atDesk -> {
                            if (!atDesk) {
                                return Uni.createFrom().item(new Login(null,
                                        ProblemException.of(AccountProblem.INVALID_REFRESH_TOKEN)));
                            }
                            TokenIssuer.Issued issued = tokens.issue(account, row.familyId, now, row.actorId,
                                    row.actorOffice);
                            if (row.actorId != null) {
                                // a desk session does not outlive its first expiry, however often it is refreshed
                                issued.row().expiresAt = row.expiresAt;
                            }
                            return refreshTokens.persist(issued.row()).replaceWith(new Login(issued.tokens(), null));
                        });
                    });
                }));
    }

    /**
     * Ends the session the refresh token belongs to; no access token is needed. Unknown or already ended tokens
     * are ignored: logging out twice is fine.
     */
    public Uni<Void> logout(String refreshToken) {
        String hash = TokenIssuer.sha256(refreshToken == null ? "" : refreshToken);
        return Panache.withTransaction(() -> refreshTokens.findByHash(hash).chain(row -> row == null || row.revokedAt != null
                ? Uni.createFrom().voidItem()
                : sessions.revoke(row.accountId, row.familyId, SessionRevocation.Reason.LOGOUT, clock.instant())));
    }
}
