package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * application-service's part of a data export ({@code DataExportRequested}): {@code data} holds, by kind, the rows it keeps
 * about the account (each row as column name to value). The payload carries personal data: the topic's readers see it
 * as they see the other events. Key: the account id.
 */
@EventType(service = "application", name = "ApplicationDataExported", description = "application-service's part of the data export"
        + " exportId: data holds, by kind, the rows it keeps about the account (each row as column name to value)."
        + " account-service assembles the parts. Carries personal data. Key: the account id.")
public record ApplicationDataExported(String exportId, String accountId, Map<String, List<Map<String, Object>>> data,
        Instant exportedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
