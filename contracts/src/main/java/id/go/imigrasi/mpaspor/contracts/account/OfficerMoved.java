package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** An admin moved an officer to another office: the officer's sessions were ended, the next login's token carries {@code toOffice}. */
@EventType(service = "account", name = "OfficerMoved")
public record OfficerMoved(String accountId, String fromOffice, String toOffice, String byAdmin, Instant at) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
