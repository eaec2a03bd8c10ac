package id.go.imigrasi.mpaspor.quota.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements.statement;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.account.AccountErased;
import id.go.imigrasi.mpaspor.contracts.quota.QuotaDataErased;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements;
import io.smallrye.mutiny.Uni;

/**
 * What quota-service erases when an account is erased ({@link AccountErased}), in the event's inbox transaction, and
 * its confirmation {@link QuotaDataErased}. Removed: the NIKs of the account's holds ({@code hold_nik} and the
 * {@code niks} list, with the request fingerprint derived from them), the applicant projection, the first-refusal
 * records, the waiting-room places, the release subscriptions with the mails queued for them (sent or not: the
 * address), and the published outbox rows about its holds (their payloads carry NIKs). Kept,
 * without personal data: the holds themselves (office, date, session, size, status), the calendar's history and the
 * capacity they account for; the account id on them is a random id that no longer names anyone. A hold still
 * {@code HELD} (taken for a draft) expires as any other.
 */
@ApplicationScoped
public class AccountErasure {

    static final ErasureStatements STATEMENTS = ErasureStatements.of(
            // this service's parts of the person's data exports, published or not (an erased account's export is gone)
            statement("outbox_export", "DELETE FROM outbox WHERE aggregate_id = :account AND type LIKE '%DataExported.v%'"),
            statement("outbox", "DELETE FROM outbox WHERE sent_at IS NOT NULL"
                    + " AND aggregate_id IN (SELECT id::text FROM hold WHERE account_id = :account)"),
            statement("hold_nik", "DELETE FROM hold_nik WHERE hold_id IN (SELECT id FROM hold WHERE account_id = :account)"),
            statement("hold", "UPDATE hold SET niks = '', request_fingerprint = NULL WHERE account_id = :account"
                    + " AND (niks <> '' OR request_fingerprint IS NOT NULL)"),
            statement("applicant_nik", "DELETE FROM applicant_nik WHERE account_id = :account"),
            statement("application_applicants", "DELETE FROM application_applicants WHERE account_id = :account"),
            statement("applicant_wait", "DELETE FROM applicant_wait WHERE account_id = :account"),
            statement("waiting_room_entry", "DELETE FROM waiting_room_entry WHERE account_id = :account"),
            // the release subscriptions (their address) and the release mails still queued for the account
            statement("release_subscription", "DELETE FROM release_subscription WHERE account_id = :account"),
            statement("queued_mail", "DELETE FROM queued_mail WHERE aggregate_id = :account"));

    private final Outbox outbox;
    private final Clock clock;

    public AccountErasure(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> erase(AccountErased erased) {
        return STATEMENTS.eraseAndConfirm(erased.accountId(), outbox,
                removed -> new QuotaDataErased(erased.accountId(), removed, clock.instant()));
    }
}
