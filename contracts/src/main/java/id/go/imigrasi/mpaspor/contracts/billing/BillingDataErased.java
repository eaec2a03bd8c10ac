package id.go.imigrasi.mpaspor.contracts.billing;

import java.time.Instant;
import java.util.Map;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * billing-service erased what it held about the account: the applicant names on its bills; the bills, amounts and payments stay, anonymised, as PNBP finance law requires. {@code removed}
 * counts the rows removed or anonymised, by kind. account-service records the confirmation. Key: the account id.
 */
@EventType(service = "billing", name = "BillingDataErased", description = "billing-service erased what it held about"
        + " the account (the applicant names on its bills; the bills, amounts and payments stay, anonymised, as PNBP finance law requires). removed counts the rows removed or anonymised, by kind; account-service records the"
        + " confirmation. Key: the account id.")
public record BillingDataErased(String accountId, Map<String, Integer> removed, Instant erasedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
