package id.go.imigrasi.mpaspor.application.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements.statement;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import id.go.imigrasi.mpaspor.contracts.account.AccountErasureRequested;
import id.go.imigrasi.mpaspor.contracts.application.AccountErasureRefused;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDataErased;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements;
import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The first step of an account's erasure ({@link AccountErasureRequested}), in the event's inbox transaction:
 * application-service knows whether an application is in progress, so it decides.
 * <ul>
 * <li>An application submitted and not finished (see {@link ApplicationStatus#finished()}: awaiting payment, booked,
 * at the office, approved, issued and not yet handed over) keeps the whole account: nothing is erased and
 * {@link AccountErasureRefused} names those applications (account-service unlocks the account and tells the holder).
 * <li>Otherwise everything of the account goes, drafts and finished applications alike: the stored document bytes
 * first (deleting is idempotent, so a transaction that fails after them is simply retried), then the rows below, then
 * {@link ApplicationDataErased} confirms with the counts, after which account-service erases the account.
 * </ul>
 * Nothing here is kept by law: the passport register is Imigrasi's (SIMKIM), the bills are billing-service's.
 */
@ApplicationScoped
public class AccountErasure {

    private static final Logger LOG = Logger.getLogger(AccountErasure.class);

    private static final String OF_ACCOUNT = "SELECT id FROM application WHERE account_id = CAST(:account AS uuid)";
    private static final String APPLICANTS = "SELECT id FROM applicant WHERE application_id IN (" + OF_ACCOUNT + ")";

    static final ErasureStatements STATEMENTS = ErasureStatements.of(
            statement("outbox", "DELETE FROM outbox WHERE sent_at IS NOT NULL AND aggregate_id IN ("
                    + "SELECT id::text FROM application WHERE account_id = CAST(:account AS uuid)"
                    + " UNION SELECT id::text FROM applicant WHERE application_id IN (" + OF_ACCOUNT + ")"
                    + " UNION SELECT id::text FROM upload WHERE account_id = CAST(:account AS uuid)"
                    + " UNION SELECT :account)"),
            statement("queued_mail", "DELETE FROM queued_mail WHERE recipient IN ("
                    + "SELECT email FROM application WHERE account_id = CAST(:account AS uuid) AND email IS NOT NULL)"
                    + " OR aggregate_id IN (SELECT id::text FROM application WHERE account_id = CAST(:account AS uuid))"),
            statement("upload", "DELETE FROM upload WHERE account_id = CAST(:account AS uuid)"),
            statement("applicant_document", "DELETE FROM applicant_document WHERE applicant_id IN (" + APPLICANTS + ")"),
            statement("timeline_entry", "DELETE FROM timeline_entry WHERE application_id IN (" + OF_ACCOUNT + ")"),
            statement("applicant", "DELETE FROM applicant WHERE application_id IN (" + OF_ACCOUNT + ")"),
            statement("hold", "DELETE FROM hold WHERE account_id = :account"),
            statement("nik_claim", "DELETE FROM nik_claim WHERE account_id = CAST(:account AS uuid)"),
            statement("application", "DELETE FROM application WHERE account_id = CAST(:account AS uuid)"));

    /** Submitted and not finished: an erasure waits until these are done. */
    static final String IN_PROGRESS = "SELECT id::text FROM application WHERE account_id = CAST(:account AS uuid)"
            + " AND status IN (" + Arrays.stream(ApplicationStatus.values())
                    .filter(s -> s != ApplicationStatus.DRAFT && !s.finished()).map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", ")) + ")";

    private static final String STORED = "SELECT storage_key FROM upload WHERE account_id = CAST(:account AS uuid)";

    private final Outbox outbox;
    private final Clock clock;
    private final UploadStore store;

    public AccountErasure(Outbox outbox, Clock clock, UploadStore store) {
        this.outbox = outbox;
        this.clock = clock;
        this.store = store;
    }

    public Uni<Void> requested(AccountErasureRequested request) {
        String account = request.accountId();
        return strings(IN_PROGRESS, account).chain(inProgress -> {
            if (!inProgress.isEmpty()) {
                LOG.infof("account %s: erasure refused, applications in progress %s", account, inProgress);
                return outbox.append(new AccountErasureRefused(account, inProgress, clock.instant())).replaceWithVoid();
            }
            return strings(STORED, account).chain(this::deleteBytes)
                    .chain(() -> STATEMENTS.eraseAndConfirm(account, outbox,
                            removed -> new ApplicationDataErased(account, removed, clock.instant())));
        });
    }

    private static Uni<List<String>> strings(String sql, String account) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, String.class).setParameter("account", account)
                .getResultList());
    }

    /** The documents' bytes, off the event loop, resuming on the transaction's context. */
    private Uni<Void> deleteBytes(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return OnContext.resume(Uni.createFrom().<Void>item(() -> {
            for (String key : keys) {
                try {
                    store.delete(key);
                } catch (IOException e) {
                    throw new IllegalStateException("the bytes of upload " + key + " could not be deleted", e);
                }
            }
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}
