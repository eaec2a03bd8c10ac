package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** A new account exists, not yet usable until its email is verified. */
@EventType(service = "account", name = "AccountRegistered")
public record AccountRegistered(String accountId, String email, String fullName, String phone, String role,
        Instant registeredAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
