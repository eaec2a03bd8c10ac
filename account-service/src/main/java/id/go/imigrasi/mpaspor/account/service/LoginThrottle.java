package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import id.go.imigrasi.mpaspor.account.AccountProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.LoginGuard;
import id.go.imigrasi.mpaspor.account.repository.LoginGuardRepository;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The login attempt rule, for logins and for the current password of a password change alike.
 * <ul>
 * <li>Per (email, client): {@code max-failures} attempts within {@code window} are allowed; the last of them
 * failing locks that pair for {@code duration}. Another client (the owner elsewhere) is not locked out.</li>
 * <li>Per email, over all clients: after {@code global.free-attempts} attempts within {@code global.window}, each
 * further attempt must wait {@code global.base-delay}, doubling up to {@code global.max-delay} since the
 * previous one: distributed guessing slows to one try per {@code max-delay}, and the owner waits at most that.</li>
 * </ul>
 * An attempt is counted <em>before</em> its password is checked, in a short transaction holding both rows' locks
 * ({@link #reserve}), so concurrent attempts can never evaluate more than the limit: the surplus is refused with
 * 429 + Retry-After. Its outcome then resets the count ({@link #succeeded}) or may lock ({@link #failed}). Rows
 * exist for unknown emails too, so the answers never tell which emails have an account.
 */
@ApplicationScoped
public class LoginThrottle {

    private final LoginGuardRepository guards;
    private final AccountConfig.Lockout policy;
    private final Clock clock;

    public LoginThrottle(LoginGuardRepository guards, AccountConfig config, Clock clock) {
        this.guards = guards;
        this.policy = config.lockout();
        this.clock = clock;
    }

    /** Counts one attempt of {@code email} from {@code client}, committed; fails with 429 when none is left. */
    public Uni<Void> reserve(String email, String client) {
        return Panache.withTransaction(() -> guards.lockForUpdate(email, client).chain(rows -> {
            Optional<Duration> refused = reserve(rows.get(0), rows.get(1), clock.instant());
            return refused.isPresent() ? Uni.createFrom().failure(locked(refused.get())) : Uni.createFrom().voidItem();
        }));
    }

    /** The rule on the locked rows: empty when the attempt is counted, else how long to wait. */
    Optional<Duration> reserve(LoginGuard global, LoginGuard own, Instant now) {
        if (own.isLocked(now)) {
            return Optional.of(Duration.between(now, own.lockedUntil));
        }
        if (global.isLocked(now)) {
            return Optional.of(Duration.between(now, global.lockedUntil));
        }
        restartIfOver(own, now, policy.window());
        if (own.attempts >= policy.maxFailures()) {
            // the last allowed attempts are still being checked: one of them may lock, or succeed
            return Optional.of(Duration.ofSeconds(1));
        }
        own.attempts++;
        restartIfOver(global, now, policy.global().window());
        global.attempts++;
        int beyond = global.attempts - policy.global().freeAttempts();
        if (beyond > 0) {
            global.lockedUntil = now.plus(delay(beyond));
        }
        return Optional.empty();
    }

    /** The wait after the {@code beyond}-th attempt past the free ones: base, 2 x base, 4 x base ... up to max. */
    Duration delay(int beyond) {
        long factor = 1L << Math.min(beyond - 1, 20);
        Duration delay = policy.global().baseDelay().multipliedBy(factor);
        return delay.compareTo(policy.global().maxDelay()) > 0 ? policy.global().maxDelay() : delay;
    }

    /** The right password: the attempts of this email start again, here and everywhere. */
    public Uni<Void> succeeded(String email, String client) {
        return Panache.withTransaction(() -> guards.lockForUpdate(email, client).invoke(rows -> {
            Instant now = clock.instant();
            for (LoginGuard row : rows) {
                row.attempts = 0;
                row.windowStart = now;
                row.lockedUntil = null;
            }
        })).replaceWithVoid();
    }

    /**
     * A wrong password; returns the lock's end when this failure locks (email, client), to be announced. Runs in
     * the caller's transaction.
     */
    public Uni<Optional<Instant>> failed(String email, String client) {
        return guards.lockForUpdate(email, client).map(rows -> {
            LoginGuard own = rows.get(1);
            Instant now = clock.instant();
            if (own.isLocked(now) || own.attempts < policy.maxFailures()) {
                return Optional.empty();
            }
            own.lockedUntil = now.plus(policy.duration());
            own.attempts = 0;
            own.windowStart = now;
            return Optional.of(own.lockedUntil);
        });
    }

    public int maxFailures() {
        return policy.maxFailures();
    }

    public Duration lockDuration() {
        return policy.duration();
    }

    private static void restartIfOver(LoginGuard row, Instant now, Duration window) {
        if (row.windowStart == null || Duration.between(row.windowStart, now).compareTo(window) > 0) {
            row.windowStart = now;
            row.attempts = 0;
        }
    }

    static ProblemException locked(Duration remaining) {
        return ProblemException.retryLater(AccountProblem.LOGIN_LOCKED,
                remaining.isNegative() || remaining.isZero() ? Duration.ofSeconds(1) : remaining);
    }
}
