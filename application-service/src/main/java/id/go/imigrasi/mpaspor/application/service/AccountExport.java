package id.go.imigrasi.mpaspor.application.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ExportQueries.query;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.account.DataExportRequested;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDataExported;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ExportQueries;
import io.smallrye.mutiny.Uni;

/**
 * application-service's part of a person's data export: the account's applications, every applicant's data as entered
 * and checked, each document's state (which upload, accepted or refused and why; the uploads' own records are
 * upload-service's part, the bytes stay where the owner can open each one) and the timelines, which include which office's officers
 * opened which document.
 */
@ApplicationScoped
public class AccountExport {

    private static final String OF_ACCOUNT = "SELECT id FROM application WHERE account_id = CAST(:account AS uuid)";

    static final ExportQueries QUERIES = ExportQueries.of(
            query("applications", "SELECT * FROM application WHERE account_id = CAST(:account AS uuid)"
                    + " ORDER BY created_at"),
            query("applicants", "SELECT * FROM applicant WHERE application_id IN (" + OF_ACCOUNT + ")"
                    + " ORDER BY application_id, position"),
            query("document_states", "SELECT * FROM applicant_document WHERE applicant_id IN ("
                    + "SELECT id FROM applicant WHERE application_id IN (" + OF_ACCOUNT + "))"),
            query("timeline", "SELECT application_id, kind, status, details, occurred_at FROM timeline_entry"
                    + " WHERE application_id IN (" + OF_ACCOUNT + ") ORDER BY application_id, occurred_at"));

    private final Outbox outbox;
    private final Clock clock;

    public AccountExport(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> export(DataExportRequested request) {
        return QUERIES.exportAndSend(request.accountId(), outbox,
                data -> new ApplicationDataExported(request.exportId(), request.accountId(), data, clock.instant()));
    }
}
