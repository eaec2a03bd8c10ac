package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The account holder asked for a copy of everything M-Paspor holds about the account and its applicants (UU PDP: the
 * right of access and to portability). application-, quota-, billing- and biometric-service each answer with their
 * part ({@code *DataExported}); account-service assembles the export (JSON and PDF) and mails the holder when it is
 * ready. Key: the account id.
 */
@EventType(service = "account", name = "DataExportRequested", description = "The account holder asked for a copy of"
        + " everything held about the account and its applicants. application-, quota-, billing- and biometric-service"
        + " answer with their part (ApplicationDataExported, QuotaDataExported, BillingDataExported,"
        + " BiometricDataExported, each carrying exportId); account-service assembles the export. Key: the account id.")
public record DataExportRequested(String exportId, String accountId, Instant requestedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
