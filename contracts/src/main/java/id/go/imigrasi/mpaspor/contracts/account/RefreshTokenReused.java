package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * A refresh token that had already been rotated was presented again: it was stolen or replayed. The whole
 * session {@code sessionId} was revoked (see {@link SessionRevoked}); security operations may want to look.
 */
@EventType(service = "account", name = "RefreshTokenReused")
public record RefreshTokenReused(String accountId, String sessionId, Instant detectedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
