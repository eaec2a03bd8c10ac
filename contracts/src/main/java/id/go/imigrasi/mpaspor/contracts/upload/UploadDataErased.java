package id.go.imigrasi.mpaspor.contracts.upload;

import java.time.Instant;
import java.util.Map;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * upload-service erased what it held about the account: every upload of it (rows and stored bytes, complete or not) and
 * its projection of the account's applicants. {@code removed} counts the rows removed, by kind. account-service
 * records the confirmation. Key: the account id.
 */
@EventType(service = "upload", name = "UploadDataErased", description = "upload-service erased what it held about the"
        + " account (every upload, rows and stored bytes, complete or not, and its projection of the account's"
        + " applicants). removed counts the rows removed, by kind; account-service records the confirmation."
        + " Key: the account id.")
public record UploadDataErased(String accountId, Map<String, Integer> removed, Instant erasedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
