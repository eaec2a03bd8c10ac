package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** Too many failed logins: the account refuses logins until {@code lockedUntil}. */
@EventType(service = "account", name = "AccountLocked")
public record AccountLocked(String accountId, int failedAttempts, Instant lockedUntil) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
