package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The account's own personal data is erased (after application-service erased its part). quota-service,
 * billing-service and biometric-service now erase or irreversibly anonymise what they hold about the account and
 * confirm with their {@code *DataErased} event. Key: the account id.
 */
@EventType(service = "account", name = "AccountErased", description = "The account's personal data is erased in"
        + " account-service and application-service. quota-service, billing-service and biometric-service erase or"
        + " irreversibly anonymise what they hold about the account and confirm with QuotaDataErased,"
        + " BillingDataErased and BiometricDataErased. Key: the account id.")
public record AccountErased(String accountId, Instant erasedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
