package id.go.imigrasi.mpaspor.contracts.upload;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * upload-service's part of a data export ({@code DataExportRequested}): {@code data} holds, by kind, the records of
 * the account's uploads (type, file name, size, state, why refused; never the storage key or the bytes, which the
 * owner opens one by one). Key: the account id.
 */
@EventType(service = "upload", name = "UploadDataExported", description = "upload-service's part of the data export"
        + " exportId: data holds, by kind, the records of the account's uploads (each row as column name to value;"
        + " no storage keys, no bytes). account-service assembles the parts. Carries personal data. Key: the"
        + " account id.")
public record UploadDataExported(String exportId, String accountId, Map<String, List<Map<String, Object>>> data,
        Instant exportedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
