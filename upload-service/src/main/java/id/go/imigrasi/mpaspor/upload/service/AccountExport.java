package id.go.imigrasi.mpaspor.upload.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ExportQueries.query;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.account.DataExportRequested;
import id.go.imigrasi.mpaspor.contracts.upload.UploadDataExported;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ExportQueries;
import io.smallrye.mutiny.Uni;

/**
 * upload-service's part of a person's data export: the records of the account's uploads (type, file name, size,
 * state, the validation's verdict and why a document was refused). Not the storage keys nor the bytes: the owner opens
 * each document through its application.
 */
@ApplicationScoped
public class AccountExport {

    static final ExportQueries QUERIES = ExportQueries.of(
            query("documents", "SELECT u.id, u.application_id, u.applicant_id, u.document_type, u.file_name,"
                    + " u.content_type, u.upload_length, u.status, u.validation, u.rejection_reason, u.created_at,"
                    + " u.completed_at, u.validated_at FROM upload u"
                    + " WHERE u.account_id = CAST(:account AS uuid) ORDER BY u.created_at"));

    private final Outbox outbox;
    private final Clock clock;

    public AccountExport(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> export(DataExportRequested request) {
        return QUERIES.exportAndSend(request.accountId(), outbox,
                data -> new UploadDataExported(request.exportId(), request.accountId(), data, clock.instant()));
    }
}
