package id.go.imigrasi.mpaspor.billing.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements.statement;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.account.AccountErased;
import id.go.imigrasi.mpaspor.contracts.billing.BillingDataErased;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements;
import io.smallrye.mutiny.Uni;

/**
 * What billing-service erases when an account is erased ({@link AccountErased}), in the event's inbox transaction, and
 * its confirmation {@link BillingDataErased}. PNBP finance law keeps the bills: code, amounts, items, dates, status
 * and payments stay for reconciliation and audit. What names a person goes: each line's applicant name becomes
 * {@link #ERASED_NAME} and its applicant id is cleared, and the published outbox rows about its bills (their payloads
 * carry the account id with the names of the billed) are deleted. The account id on the bills is a random id that no
 * longer names anyone once account-service has erased the account.
 */
@ApplicationScoped
public class AccountErasure {

    /** What an erased applicant's name becomes on a kept bill line (and on an invoice printed from it). */
    public static final String ERASED_NAME = "(dihapus)";

    static final ErasureStatements STATEMENTS = ErasureStatements.of(
            statement("outbox", "DELETE FROM outbox WHERE sent_at IS NOT NULL"
                    + " AND aggregate_id IN (SELECT application_id FROM bill WHERE account_id = :account"
                    + " UNION SELECT id::text FROM bill WHERE account_id = :account)"),
            statement("bill_line", "UPDATE bill_line SET applicant_name = '" + ERASED_NAME + "', applicant_id = NULL"
                    + " WHERE bill_id IN (SELECT id FROM bill WHERE account_id = :account)"
                    + " AND (applicant_name <> '" + ERASED_NAME + "' OR applicant_id IS NOT NULL)"));

    private final Outbox outbox;
    private final Clock clock;

    public AccountErasure(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> erase(AccountErased erased) {
        return STATEMENTS.eraseAndConfirm(erased.accountId(), outbox,
                removed -> new BillingDataErased(erased.accountId(), removed, clock.instant()));
    }
}
