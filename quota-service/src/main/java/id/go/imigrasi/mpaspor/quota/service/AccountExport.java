package id.go.imigrasi.mpaspor.quota.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ExportQueries.query;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.account.DataExportRequested;
import id.go.imigrasi.mpaspor.contracts.quota.QuotaDataExported;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ExportQueries;
import io.smallrye.mutiny.Uni;

/**
 * quota-service's part of a person's data export ({@link DataExportRequested}): the account's holds and bookings (with
 * the NIKs they were taken for), its waiting-room places and its release subscriptions (office, address, language). The request fingerprint (a hash) is not exported.
 */
@ApplicationScoped
public class AccountExport {

    static final ExportQueries QUERIES = ExportQueries.of(
            query("holds", "SELECT id, office_code, date, service, session, passport_kind, size, niks, status,"
                    + " application_id, billing_code, reschedules_used, created_at, expires_at, confirmed_at,"
                    + " released_at, release_reason FROM hold WHERE account_id = :account ORDER BY created_at"),
            query("waiting_room_places", "SELECT e.release_id, w.office_code, e.joined_at, e.position, e.admitted_at"
                    + " FROM waiting_room_entry e JOIN waiting_room w ON w.release_id = e.release_id"
                    + " WHERE e.account_id = :account ORDER BY e.joined_at"),
            query("release_subscriptions", "SELECT office_code, email, language, created_at FROM release_subscription"
                    + " WHERE account_id = :account ORDER BY office_code"));

    private final Outbox outbox;
    private final Clock clock;

    public AccountExport(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> export(DataExportRequested request) {
        return QUERIES.exportAndSend(request.accountId(), outbox,
                data -> new QuotaDataExported(request.exportId(), request.accountId(), data, clock.instant()));
    }
}
