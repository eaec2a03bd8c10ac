package id.go.imigrasi.mpaspor.upload.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements.statement;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.upload.UploadErasure;
import id.go.imigrasi.mpaspor.contracts.account.AccountErased;
import id.go.imigrasi.mpaspor.contracts.upload.UploadDataErased;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements;
import id.go.imigrasi.mpaspor.upload.repository.UploadTargetRepository;
import io.smallrye.mutiny.Uni;

/**
 * What upload-service erases when an account is erased ({@link AccountErased}: application-service found no
 * application in progress and erased its part), in the event's inbox transaction, and its confirmation
 * {@link UploadDataErased}: the published outbox rows about the account's uploads and its export parts, the
 * projection of its applications (their ids kept as gone, nothing else: an upload for one is 404 at once) and its
 * "not yet known" refusals, then every upload of it, complete or not (the stored bytes first, then the rows:
 * the upload module's {@link UploadErasure}).
 */
@ApplicationScoped
public class AccountErasure {

    private static final Logger LOG = Logger.getLogger(AccountErasure.class);

    static final ErasureStatements STATEMENTS = ErasureStatements.of(
            // this service's parts of the person's data exports, published or not (an erased account's export is gone)
            statement("outbox_export", "DELETE FROM outbox WHERE aggregate_id = :account AND type LIKE '%DataExported.v%'"),
            // the events about the uploads (they name file names and storage keys), found by the uploads' ids
            statement("outbox", "DELETE FROM outbox WHERE sent_at IS NOT NULL AND aggregate_id IN ("
                    + "SELECT id::text FROM upload WHERE account_id = CAST(:account AS uuid))"),
            statement("upload_target_application",
                    "DELETE FROM upload_target_application WHERE account_id = CAST(:account AS uuid)"),
            // the account's "not yet known" refusals (UnknownTargetRule): its id with application and applicant ids
            statement("upload_target_wait",
                    "DELETE FROM upload_target_wait WHERE account_id = CAST(:account AS uuid)"));

    private final Outbox outbox;
    private final Clock clock;
    private final UploadErasure uploads;
    private final UploadTargetRepository targets;

    public AccountErasure(Outbox outbox, Clock clock, UploadErasure uploads, UploadTargetRepository targets) {
        this.outbox = outbox;
        this.clock = clock;
        this.uploads = uploads;
        this.targets = targets;
    }

    public Uni<Void> erase(AccountErased erased) {
        String account = erased.accountId();
        return targets.markGoneOfAccount(account).chain(() -> STATEMENTS.run(account)).chain(removed -> uploads.eraseAccount(account).chain(documents -> {
            Map<String, Integer> all = new LinkedHashMap<>(removed);
            all.put("upload", documents);
            LOG.infof("account %s: uploads erased %s", account, all);
            return outbox.append(new UploadDataErased(account, all, clock.instant()));
        })).replaceWithVoid();
    }
}
