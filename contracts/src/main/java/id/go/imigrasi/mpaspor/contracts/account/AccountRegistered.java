package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * A new account exists, not yet usable until its email is verified. {@code assistedBy} and {@code assistedOffice}
 * (null otherwise) name the officer and office that registered it at a desk for a person without a smartphone
 * (assisted registration): such an account is usable at once, its holder having shown their e-KTP.
 */
@EventType(service = "account", name = "AccountRegistered")
public record AccountRegistered(String accountId, String email, String fullName, String phone, String role,
        Instant registeredAt, String assistedBy, String assistedOffice) implements IntegrationEvent {

    public AccountRegistered(String accountId, String email, String fullName, String phone, String role,
            Instant registeredAt) {
        this(accountId, email, fullName, phone, role, registeredAt, null, null);
    }

    @Override
    public String aggregateId() {
        return accountId;
    }
}
