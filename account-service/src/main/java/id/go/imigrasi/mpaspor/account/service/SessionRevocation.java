package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.repository.RefreshTokenRepository;
import id.go.imigrasi.mpaspor.contracts.account.SessionRevoked;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Ends login sessions: their refresh tokens are revoked here, and a {@link SessionRevoked} per session goes out
 * through the outbox in the same transaction, so the gateway and every service refuse that session's access
 * tokens within moments instead of at their expiry (platform {@code RevokedSessions}). Only sessions that issued
 * a token within the access-token lifetime can still hold a live one; older ones are revoked without an event.
 * Runs in the caller's transaction.
 */
@ApplicationScoped
public class SessionRevocation {

    public enum Reason {
        LOGOUT, PASSWORD_CHANGED, PASSWORD_RESET, REFRESH_TOKEN_REUSED, OFFICER_DISABLED, OFFICER_MOVED, ACCOUNT_ERASURE
    }

    private final RefreshTokenRepository refreshTokens;
    private final Outbox outbox;
    private final SecurityLog log;
    private final AccountConfig.Jwt jwt;

    public SessionRevocation(RefreshTokenRepository refreshTokens, Outbox outbox, SecurityLog log, AccountConfig config) {
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.log = log;
        this.jwt = config.jwt();
    }

    /** Ends one session. */
    public Uni<Void> revoke(UUID accountId, UUID sessionId, Reason reason, Instant now) {
        return refreshTokens.revokeFamily(sessionId, now).chain(() -> announce(accountId, sessionId, reason, now));
    }

    /** Ends every session of the account but {@code keep} (null: all). */
    public Uni<Void> revokeAllExcept(UUID accountId, UUID keep, Reason reason, Instant now) {
        return refreshTokens.liveFamilies(accountId, keep, now.minus(jwt.accessTokenLifetime()))
                .chain(live -> refreshTokens.revokeAllExcept(accountId, keep, now).chain(() -> Multi.createFrom()
                        .iterable(live).onItem().transformToUniAndConcatenate(id -> announce(accountId, id, reason, now))
                        .collect().asList()))
                .replaceWithVoid();
    }

    private Uni<Void> announce(UUID accountId, UUID sessionId, Reason reason, Instant now) {
        log.log(SecurityLog.Event.SESSION_REVOKED, "account_id", accountId, "session_id", sessionId, "reason", reason);
        return outbox.append(new SessionRevoked(accountId.toString(), sessionId.toString(), reason.name(), now))
                .replaceWithVoid();
    }
}
