package id.go.imigrasi.mpaspor.biometric.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ExportQueries.query;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.account.DataExportRequested;
import id.go.imigrasi.mpaspor.contracts.biometric.BiometricDataExported;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ExportQueries;
import io.smallrye.mutiny.Uni;

/**
 * biometric-service's part of a person's data export: every appointment of the account's applicants as recorded
 * (check-in, interview, match scores and outcome, decision, passport number, handover) and the per-finger results.
 * No images or templates exist to export: only scores are kept. Also which office read those results, and when, and
 * what the desk did on each appointment (the desk's audit, without the officers' ids, like the reads).
 */
@ApplicationScoped
public class AccountExport {

    static final ExportQueries QUERIES = ExportQueries.of(
            query("appointments", "SELECT * FROM appointment WHERE account_id = :account ORDER BY date, applicant_id"),
            query("finger_results", "SELECT f.appointment_id, f.finger, f.attempts, f.best_score, f.passed,"
                    + " f.exception_kind, f.exception_reason, f.updated_at FROM finger_capture f"
                    + " JOIN appointment a ON a.id = f.appointment_id WHERE a.account_id = :account"
                    + " ORDER BY f.appointment_id, f.finger"),
            query("results_reads", "SELECT r.appointment_id, r.office_code, r.day, r.first_read_at FROM results_read r"
                    + " JOIN appointment a ON a.id = r.appointment_id WHERE a.account_id = :account"
                    + " ORDER BY r.first_read_at"),
            query("desk_actions", "SELECT o.appointment_id, o.at, o.office_code, o.action, o.detail"
                    + " FROM officer_action o"
                    + " JOIN appointment a ON a.id = o.appointment_id WHERE a.account_id = :account"
                    + " ORDER BY o.at, o.id"));

    private final Outbox outbox;
    private final Clock clock;

    public AccountExport(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> export(DataExportRequested request) {
        return QUERIES.exportAndSend(request.accountId(), outbox,
                data -> new BiometricDataExported(request.exportId(), request.accountId(), data, clock.instant()));
    }
}
