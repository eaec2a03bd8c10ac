package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** An admin created an officer account for an office, active at once: {@code byAdmin} is the admin's account id. */
@EventType(service = "account", name = "OfficerCreated")
public record OfficerCreated(String accountId, String officeCode, String byAdmin, Instant at) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
