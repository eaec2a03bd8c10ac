package id.go.imigrasi.mpaspor.billing.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ExportQueries.query;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.account.DataExportRequested;
import id.go.imigrasi.mpaspor.contracts.billing.BillingDataExported;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ExportQueries;
import io.smallrye.mutiny.Uni;

/**
 * billing-service's part of a person's data export: the account's bills, their lines, the payments received and their
 * refund cases.
 */
@ApplicationScoped
public class AccountExport {

    private static final String BILLS = "SELECT id FROM bill WHERE account_id = :account";

    static final ExportQueries QUERIES = ExportQueries.of(
            query("bills", "SELECT id, application_id, office_code, billing_code, amount, status, issued_at, expires_at,"
                    + " paid_at, expired_at, cancelled_at FROM bill WHERE account_id = :account ORDER BY issued_at"),
            query("bill_lines", "SELECT bill_id, line_no, applicant_id, applicant_name, item, description, amount"
                    + " FROM bill_line WHERE bill_id IN (" + BILLS + ") ORDER BY bill_id, line_no"),
            query("payments", "SELECT bill_id, channel, channel_reference, amount, recorded_at, outcome, refund_reason FROM payment"
                    + " WHERE bill_id IN (" + BILLS + ")"),
            query("refund_cases", "SELECT bill_id, billing_code, channel, channel_reference, amount, reason, state,"
                    + " requested_at, decided_at, rejection_reason, refund_reference, paid_at FROM refund_case"
                    + " WHERE account_id = :account ORDER BY requested_at"));

    private final Outbox outbox;
    private final Clock clock;

    public AccountExport(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> export(DataExportRequested request) {
        return QUERIES.exportAndSend(request.accountId(), outbox,
                data -> new BillingDataExported(request.exportId(), request.accountId(), data, clock.instant()));
    }
}
