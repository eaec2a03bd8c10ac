package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** An admin disabled an officer: the account can no longer log in, and its sessions were ended (SessionRevoked). */
@EventType(service = "account", name = "OfficerDisabled")
public record OfficerDisabled(String accountId, String officeCode, String byAdmin, Instant at) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
