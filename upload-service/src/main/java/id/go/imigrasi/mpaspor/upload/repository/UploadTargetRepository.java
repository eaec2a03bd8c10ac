package id.go.imigrasi.mpaspor.upload.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.upload.UploadTargets.Target;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The projection of the applications upload-service keeps (V1): each application's account, whether it is a draft,
 * and its applicants. Written in the inbox transaction of the event that changed it; read without a transaction by
 * every upload creation.
 */
@ApplicationScoped
public class UploadTargetRepository {

    static final String RESOLVE = "SELECT a.draft FROM upload_target_application a"
            + " JOIN upload_target_applicant p ON p.application_id = a.application_id"
            + " WHERE a.application_id = $1 AND p.applicant_id = $2 AND a.account_id = $3";

    private final Pool pool;

    public UploadTargetRepository(Pool pool) {
        this.pool = pool;
    }

    /** What the projection says of this account's upload for this applicant of this application. */
    public Uni<Target> resolve(UUID accountId, UUID applicationId, UUID applicantId) {
        return pool.preparedQuery(RESOLVE).execute(Tuple.of(applicationId, applicantId, accountId)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Target.NOT_FOUND;
            }
            Row row = it.next();
            return row.getBoolean(0) ? Target.EDITABLE : Target.NOT_EDITABLE;
        });
    }

    /**
     * The application's applicants as of {@code changedAt}, replacing what was known unless something newer was
     * already applied. In the caller's transaction.
     */
    public Uni<Void> replace(String applicationId, String accountId, boolean draft, List<String> applicantIds,
            Instant changedAt) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery("INSERT INTO upload_target_application"
                + " (application_id, account_id, draft, changed_at) VALUES (CAST(:app AS uuid), CAST(:account AS uuid),"
                + " :draft, :changedAt) ON CONFLICT (application_id) DO UPDATE SET account_id = EXCLUDED.account_id,"
                + " draft = EXCLUDED.draft, changed_at = EXCLUDED.changed_at, received_at = now()"
                + " WHERE upload_target_application.changed_at <= EXCLUDED.changed_at RETURNING application_id")
                .setParameter("app", applicationId).setParameter("account", accountId).setParameter("draft", draft)
                .setParameter("changedAt", changedAt).getResultList()
                .chain(applied -> applied.isEmpty() ? Uni.createFrom().voidItem()
                        : s.createNativeQuery("DELETE FROM upload_target_applicant"
                                + " WHERE application_id = CAST(:app AS uuid)").setParameter("app", applicationId)
                                .executeUpdate()
                                .chain(() -> applicantIds.isEmpty() ? Uni.createFrom().item(0)
                                        : s.createNativeQuery("INSERT INTO upload_target_applicant (application_id,"
                                                + " applicant_id) SELECT DISTINCT CAST(:app AS uuid), CAST(x.id AS uuid)"
                                                + " FROM unnest(string_to_array(:ids, ',')) AS x(id)")
                                                .setParameter("app", applicationId)
                                                .setParameter("ids", String.join(",", applicantIds)).executeUpdate())
                                .replaceWithVoid()));
    }

    /** The application is no longer a draft (submitted, cancelled): its documents are final. */
    public Uni<Void> close(String applicationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE upload_target_application SET draft = false,"
                + " received_at = now() WHERE application_id = CAST(:app AS uuid)").setParameter("app", applicationId)
                .executeUpdate()).replaceWithVoid();
    }

    /** The application is gone (its draft deleted): nothing can be uploaded for it any more. */
    public Uni<Integer> forget(String applicationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM upload_target_application"
                + " WHERE application_id = CAST(:app AS uuid)").setParameter("app", applicationId).executeUpdate());
    }
}
