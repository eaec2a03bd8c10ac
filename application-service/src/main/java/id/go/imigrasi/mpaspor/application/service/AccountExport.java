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
 * and checked, the documents' records (type, file name, size, state, why refused; the document bytes themselves stay
 * in the application, where the owner can open each one) and the timelines, which include which office's officers
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
            query("documents", "SELECT u.id, u.application_id, u.applicant_id, u.document_type, u.file_name,"
                    + " u.content_type, u.upload_length, u.status, u.validation, u.rejection_reason, u.created_at,"
                    + " u.completed_at, u.validated_at FROM upload u"
                    + " WHERE u.account_id = CAST(:account AS uuid) ORDER BY u.created_at"),
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
