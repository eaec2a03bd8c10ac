package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * Too many failed logins from one client: logins to this account from that client are refused until
 * {@code lockedUntil} (the owner elsewhere is not locked out; since issue 25 the lock is per email and client).
 */
@EventType(service = "account", name = "AccountLocked")
public record AccountLocked(String accountId, int failedAttempts, Instant lockedUntil) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
