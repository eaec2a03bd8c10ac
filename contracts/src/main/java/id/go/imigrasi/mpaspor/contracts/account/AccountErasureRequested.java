package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The account holder asked for their account to be erased (UU PDP: the right to erasure). The account is locked and
 * its sessions revoked. application-service decides: with no application in progress it erases its part and publishes
 * {@code ApplicationDataErased}, after which account-service erases the account and publishes {@code AccountErased};
 * otherwise it publishes {@code AccountErasureRefused} and the account is unlocked. Key: the account id.
 */
@EventType(service = "account", name = "AccountErasureRequested", description = "The account holder asked for the"
        + " account to be erased; it is locked and its sessions are revoked. application-service answers with"
        + " ApplicationDataErased (no application in progress: its part is erased) or AccountErasureRefused. Key: the"
        + " account id.")
public record AccountErasureRequested(String accountId, Instant requestedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
