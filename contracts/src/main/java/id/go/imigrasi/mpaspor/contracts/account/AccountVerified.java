package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** The account's email was confirmed with its OTP; the account is now ACTIVE. */
@EventType(service = "account", name = "AccountVerified")
public record AccountVerified(String accountId, String email, Instant verifiedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
