package id.go.imigrasi.mpaspor.contracts.quota;

import java.time.Instant;
import java.util.Map;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * quota-service erased what it held about the account: the NIKs of its holds and its applicant projections, its waiting-room places and waits; the holds themselves stay, without personal data, as the calendar's history. {@code removed}
 * counts the rows removed or anonymised, by kind. account-service records the confirmation. Key: the account id.
 */
@EventType(service = "quota", name = "QuotaDataErased", description = "quota-service erased what it held about"
        + " the account (the NIKs of its holds and its applicant projections, its waiting-room places and waits; the holds themselves stay, without personal data, as the calendar's history). removed counts the rows removed or anonymised, by kind; account-service records the"
        + " confirmation. Key: the account id.")
public record QuotaDataErased(String accountId, Map<String, Integer> removed, Instant erasedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
