package id.go.imigrasi.mpaspor.biometric.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements.statement;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.account.AccountErased;
import id.go.imigrasi.mpaspor.contracts.biometric.BiometricDataErased;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements;
import io.smallrye.mutiny.Uni;

/**
 * What biometric-service erases when an account is erased ({@link AccountErased}), in the event's inbox transaction,
 * and its confirmation {@link BiometricDataErased}: everything it holds about the account's applicants goes, since an
 * erasure only happens with no application in progress. The bookings (with the submitted applicants' names, NIKs and
 * birth dates), the appointments (name, NIK, interview and decision reasons, match scores, passport number, collector's
 * name, NIK and family card number) and their finger capture results are deleted, with the published outbox rows about
 * them. The desk's audit ({@code officer_action}, append-only) keeps its rows, naming officers and the appointment id
 * only, with their details (reasons typed at the desk) emptied. The passport register itself is Imigrasi's (SIMKIM),
 * not this service's: an issued passport stays recorded there.
 */
@ApplicationScoped
public class AccountErasure {

    static final ErasureStatements STATEMENTS = ErasureStatements.of(
            // this service's parts of the person's data exports, published or not (an erased account's export is gone)
            statement("outbox_export", "DELETE FROM outbox WHERE aggregate_id = :account AND type LIKE '%DataExported.v%'"),
            statement("outbox", "DELETE FROM outbox WHERE sent_at IS NOT NULL AND aggregate_id IN ("
                    + "SELECT id::text FROM appointment WHERE account_id = :account"
                    + " UNION SELECT application_id FROM appointment WHERE account_id = :account"
                    + " UNION SELECT application_id FROM booking WHERE account_id = :account)"),
            statement("results_read", "DELETE FROM results_read"
                    + " WHERE appointment_id IN (SELECT id FROM appointment WHERE account_id = :account)"),
            // the desk's audit stays (who did what, naming the officer and the appointment id only); what an officer
            // typed about the person (a rejection's reason) goes
            statement("officer_action", "UPDATE officer_action SET detail = '' WHERE detail <> ''"
                    + " AND appointment_id IN (SELECT id FROM appointment WHERE account_id = :account)"),
            statement("finger_capture", "DELETE FROM finger_capture"
                    + " WHERE appointment_id IN (SELECT id FROM appointment WHERE account_id = :account)"),
            statement("appointment", "DELETE FROM appointment WHERE account_id = :account"),
            statement("booking", "DELETE FROM booking WHERE account_id = :account"));

    private final Outbox outbox;
    private final Clock clock;

    public AccountErasure(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> erase(AccountErased erased) {
        return STATEMENTS.eraseAndConfirm(erased.accountId(), outbox,
                removed -> new BiometricDataErased(erased.accountId(), removed, clock.instant()));
    }
}
