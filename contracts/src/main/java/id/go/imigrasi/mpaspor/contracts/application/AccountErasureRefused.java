package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * An erasure request cannot be carried out while applications are in progress ({@code applicationIds}: submitted and
 * not yet delivered, rejected, expired or cancelled). Nothing was erased; account-service unlocks the account and
 * tells the holder. Key: the account id.
 */
@EventType(service = "application", name = "AccountErasureRefused", description = "An erasure request was refused"
        + " because the applications applicationIds are in progress (submitted, not yet finished). Nothing was erased;"
        + " account-service unlocks the account and mails the holder. Key: the account id.")
public record AccountErasureRefused(String accountId, List<String> applicationIds, Instant refusedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
