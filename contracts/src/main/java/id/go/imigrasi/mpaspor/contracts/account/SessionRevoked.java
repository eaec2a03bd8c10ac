package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * A login session ended before its tokens expired: every access token whose {@code sid} claim is
 * {@code sessionId} must be refused from now on (the gateway and the services keep such ids for the access
 * token lifetime). {@code reason}: {@code LOGOUT}, {@code PASSWORD_CHANGED}, {@code PASSWORD_RESET} or
 * {@code REFRESH_TOKEN_REUSED}.
 */
@EventType(service = "account", name = "SessionRevoked")
public record SessionRevoked(String accountId, String sessionId, String reason, Instant revokedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
