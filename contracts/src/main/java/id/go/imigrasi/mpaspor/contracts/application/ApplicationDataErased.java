package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;
import java.util.Map;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * application-service erased what it held about the account: its applications, applicants, documents (rows and stored bytes), timelines, NIK claims, hold projection and queued mails (drafts and finished applications alike; an erasure is refused while one is in progress). {@code removed}
 * counts the rows removed or anonymised, by kind. account-service records the confirmation. Key: the account id.
 */
@EventType(service = "application", name = "ApplicationDataErased", description = "application-service erased what it held about"
        + " the account (its applications, applicants, documents (rows and stored bytes), timelines, NIK claims, hold projection and queued mails (drafts and finished applications alike; an erasure is refused while one is in progress)). removed counts the rows removed or anonymised, by kind; account-service records the"
        + " confirmation. Key: the account id.")
public record ApplicationDataErased(String accountId, Map<String, Integer> removed, Instant erasedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
