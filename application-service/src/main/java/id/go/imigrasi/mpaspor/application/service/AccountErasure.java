package id.go.imigrasi.mpaspor.application.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements.statement;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.contracts.account.AccountErasureRequested;
import id.go.imigrasi.mpaspor.contracts.application.AccountErasureRefused;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDataErased;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The first step of an account's erasure ({@link AccountErasureRequested}), in the event's inbox transaction:
 * application-service knows whether an application is in progress, so it decides.
 * <ul>
 * <li>An application submitted and not finished (see {@link ApplicationStatus#finished()}: awaiting payment, booked,
 * at the office, approved, issued and not yet handed over) keeps the whole account: nothing is erased and
 * {@link AccountErasureRefused} names those applications (account-service unlocks the account and tells the holder).
 * <li>Otherwise everything of the account goes, drafts and finished applications alike: the rows below, then the
 * uploads through the upload module's port ({@link UploadErasure}: the stored bytes, then their rows), then
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
            // this service's parts of the person's data exports, published or not (an erased account's export is gone)
            statement("outbox_export", "DELETE FROM outbox WHERE aggregate_id = :account AND type LIKE '%DataExported.v%'"),
            statement("outbox", "DELETE FROM outbox WHERE sent_at IS NOT NULL AND aggregate_id IN ("
                    + "SELECT id::text FROM application WHERE account_id = CAST(:account AS uuid)"
                    + " UNION SELECT id::text FROM applicant WHERE application_id IN (" + OF_ACCOUNT + ")"
                    + " UNION SELECT :account)"),
            statement("queued_mail", "DELETE FROM queued_mail WHERE recipient IN ("
                    + "SELECT email FROM application WHERE account_id = CAST(:account AS uuid) AND email IS NOT NULL"
                    + " UNION SELECT verified_phone FROM notification_preference"
                    + " WHERE account_id = CAST(:account AS uuid) AND verified_phone IS NOT NULL)"
                    + " OR aggregate_id IN (SELECT id::text FROM application WHERE account_id = CAST(:account AS uuid))"),
            statement("applicant_document", "DELETE FROM applicant_document WHERE applicant_id IN (" + APPLICANTS + ")"),
            statement("timeline_entry", "DELETE FROM timeline_entry WHERE application_id IN (" + OF_ACCOUNT + ")"),
            statement("applicant", "DELETE FROM applicant WHERE application_id IN (" + OF_ACCOUNT + ")"),
            statement("hold", "DELETE FROM hold WHERE account_id = :account"),
            statement("nik_claim", "DELETE FROM nik_claim WHERE account_id = CAST(:account AS uuid)"),
            statement("notification_preference",
                    "DELETE FROM notification_preference WHERE account_id = CAST(:account AS uuid)"),
            statement("application", "DELETE FROM application WHERE account_id = CAST(:account AS uuid)"));

    /** Submitted and not finished: an erasure waits until these are done. */
    static final String IN_PROGRESS = "SELECT id::text FROM application WHERE account_id = CAST(:account AS uuid)"
            + " AND status IN (" + Arrays.stream(ApplicationStatus.values())
                    .filter(s -> s != ApplicationStatus.DRAFT && !s.finished()).map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", ")) + ")";

    private final Outbox outbox;
    private final Clock clock;

    public AccountErasure(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> requested(AccountErasureRequested request) {
        String account = request.accountId();
        return strings(IN_PROGRESS, account).chain(inProgress -> {
            if (!inProgress.isEmpty()) {
                LOG.infof("account %s: erasure refused, applications in progress %s", account, inProgress);
                return outbox.append(new AccountErasureRefused(account, inProgress, clock.instant())).replaceWithVoid();
            }
            // the uploads are upload-service's: it erases them when account-service announces AccountErased
            return STATEMENTS.run(account).chain(removed -> {
                LOG.infof("account %s: personal data erased %s", account, removed);
                return outbox.append(new ApplicationDataErased(account, removed, clock.instant()));
            }).replaceWithVoid();
        });
    }

    private static Uni<List<String>> strings(String sql, String account) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, String.class).setParameter("account", account)
                .getResultList());
    }
}
