package id.go.imigrasi.mpaspor.account.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.repository.AccountRepository;
import id.go.imigrasi.mpaspor.account.repository.LoginGuardRepository;
import id.go.imigrasi.mpaspor.account.repository.RefreshTokenRepository;
import id.go.imigrasi.mpaspor.contracts.account.AccountLocked;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Login, refresh and logout. The lockout rule: {@code max-failures} wrong passwords within {@code window} lock
 * the email for {@code duration}, whether or not an account has it, so the answers never tell which emails
 * exist. Refresh tokens rotate on every use; presenting a rotated one again is theft or a replay, and revokes
 * the whole session.
 */
@ApplicationScoped
public class AuthService {

    private final AccountRepository accounts;
    private final LoginGuardRepository guards;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final Outbox outbox;
    private final AccountConfig.Lockout lockout;

    public AuthService(AccountRepository accounts, LoginGuardRepository guards, RefreshTokenRepository refreshTokens,
            PasswordHasher hasher, TokenIssuer tokens, Outbox outbox, AccountConfig config) {
        this.accounts = accounts;
        this.guards = guards;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.tokens = tokens;
        this.outbox = outbox;
        this.lockout = config.lockout();
    }

    /** The outcome of a login; failures are committed (counted) before they are answered. */
    public record Login(TokenIssuer.Tokens tokens, ProblemException problem) {
    }

    public Uni<Login> login(String rawEmail, String password) {
        return hasher.admit(() -> checkedLogin(Contacts.normalizeEmail(rawEmail), password));
    }

    private Uni<Login> checkedLogin(String email, String password) {
        return Panache.withSession(() -> guards.findById(email).chain(guard -> {
            Instant now = Instant.now();
            if (guard != null && guard.isLocked(now)) {
                return Uni.createFrom().failure(locked(Duration.between(now, guard.lockedUntil)));
            }
            return accounts.findByEmail(email);
        })).chain(account -> hasher.verify(password == null ? "" : password, account == null ? null : account.passwordHash)
                .chain(ok -> ok ? succeed(account) : fail(email, account)));
    }

    private Uni<Login> succeed(Account account) {
        if (!account.isActive()) {
            return Uni.createFrom().item(new Login(null, ProblemException.of(AccountProblem.ACCOUNT_NOT_VERIFIED)));
        }
        return Panache.withTransaction(() -> {
            TokenIssuer.Issued issued = tokens.issue(account, UUID.randomUUID(), Instant.now());
            return guards.delete("email", account.email)
                    .chain(() -> refreshTokens.persist(issued.row()))
                    .replaceWith(new Login(issued.tokens(), null));
        });
    }

    private Uni<Login> fail(String email, Account account) {
        return Panache.withTransaction(() -> guards.lockForUpdate(email).chain(guard -> {
            Instant now = Instant.now();
            boolean lockedNow = guard.fail(now, lockout.maxFailures(), lockout.window(), lockout.duration());
            if (!lockedNow) {
                return Uni.createFrom().item(new Login(null, ProblemException.of(AccountProblem.INVALID_CREDENTIALS)));
            }
            Uni<?> event = account == null ? Uni.createFrom().voidItem()
                    : outbox.append(new AccountLocked(account.id.toString(), lockout.maxFailures(), guard.lockedUntil));
            return event.replaceWith(new Login(null, locked(lockout.duration())));
        }));
    }

    /** Rotation: the presented token is spent, a new one of the same session is returned. */
    public Uni<Login> refresh(String refreshToken) {
        String hash = TokenIssuer.sha256(refreshToken == null ? "" : refreshToken);
        return Panache.withTransaction(() -> refreshTokens.find("tokenHash", hash)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().chain(row -> {
                    Instant now = Instant.now();
                    if (row == null || row.revokedAt != null || !row.expiresAt.isAfter(now)) {
                        return Uni.createFrom().item(new Login(null,
                                ProblemException.of(AccountProblem.INVALID_REFRESH_TOKEN)));
                    }
                    if (row.rotatedAt != null) {
                        return refreshTokens.revokeFamily(row.familyId, now).replaceWith(new Login(null,
                                ProblemException.of(AccountProblem.REFRESH_TOKEN_REUSED)));
                    }
                    row.rotatedAt = now;
                    return accounts.findById(row.accountId).chain(account -> {
                        TokenIssuer.Issued issued = tokens.issue(account, row.familyId, now);
                        return refreshTokens.persist(issued.row()).replaceWith(new Login(issued.tokens(), null));
                    });
                }));
    }

    /** Ends the session the token belongs to. Unknown tokens are ignored: logging out twice is fine. */
    public Uni<Void> logout(String refreshToken) {
        String hash = TokenIssuer.sha256(refreshToken == null ? "" : refreshToken);
        return Panache.withTransaction(() -> refreshTokens.findByHash(hash).chain(row -> row == null
                ? Uni.createFrom().voidItem()
                : refreshTokens.revokeFamily(row.familyId, Instant.now()).replaceWithVoid()));
    }

    private static ProblemException locked(Duration remaining) {
        return ProblemException.retryLater(AccountProblem.LOGIN_LOCKED,
                remaining.isNegative() ? Duration.ofSeconds(1) : remaining);
    }
}
