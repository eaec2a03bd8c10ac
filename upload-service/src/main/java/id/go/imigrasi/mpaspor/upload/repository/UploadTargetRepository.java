package id.go.imigrasi.mpaspor.upload.repository;

import java.time.Instant;
import java.time.ZoneOffset;
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
     * What the projection knows of an application, whoever's it is: its account and whether it is a draft, or that it
     * is gone (a deleted draft, an erased account's; then {@code accountId} is null).
     */
    public record Known(UUID accountId, boolean draft, boolean gone) {
    }

    /** The application as the projection knows it, or null when it does not know it (yet). */
    public Uni<Known> application(UUID applicationId) {
        return pool.preparedQuery("SELECT a.account_id, coalesce(a.draft, false), g.application_id IS NOT NULL"
                + " FROM (SELECT $1::uuid AS id) q"
                + " LEFT JOIN upload_target_application a ON a.application_id = q.id"
                + " LEFT JOIN upload_target_gone g ON g.application_id = q.id"
                + " WHERE a.application_id IS NOT NULL OR g.application_id IS NOT NULL")
                .execute(Tuple.of(applicationId)).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row row = it.next();
                    return new Known(row.getUUID(0), row.getBoolean(1), row.getBoolean(2));
                });
    }

    /**
     * When this account's upload for this target was first refused as not (yet) known, recording {@code now} if it
     * never was. One row per account, application and applicant, shared by every instance.
     */
    public Uni<Instant> firstRefused(UUID accountId, UUID applicationId, UUID applicantId, Instant now) {
        return pool.preparedQuery("INSERT INTO upload_target_wait (account_id, application_id, applicant_id,"
                + " first_refused_at) VALUES ($1, $2, $3, $4) ON CONFLICT (account_id, application_id, applicant_id)"
                + " DO UPDATE SET first_refused_at = upload_target_wait.first_refused_at RETURNING first_refused_at")
                .execute(Tuple.of(accountId, applicationId, applicantId, now.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getOffsetDateTime(0).toInstant());
    }

    /** Forgets refusals older than {@code before} (their window is long over). */
    public Uni<Integer> forgetRefusalsBefore(Instant before) {
        return pool.preparedQuery("DELETE FROM upload_target_wait WHERE first_refused_at < $1")
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC))).map(rows -> rows.rowCount());
    }

    /** Forgets the gone applications marked before {@code before}: an upload for one is then "not yet" for a while. */
    public Uni<Integer> forgetGoneBefore(Instant before) {
        return pool.preparedQuery("DELETE FROM upload_target_gone WHERE gone_at < $1")
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC))).map(rows -> rows.rowCount());
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

    /**
     * The application is gone (its draft deleted): nothing can be uploaded for it any more. Its row goes; its id is
     * kept as gone, so that an upload for it is 404 at once rather than "not yet known". In the caller's transaction.
     */
    public Uni<Integer> forget(String applicationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO upload_target_gone (application_id)"
                + " VALUES (CAST(:app AS uuid)) ON CONFLICT DO NOTHING").setParameter("app", applicationId)
                .executeUpdate()
                .chain(() -> s.createNativeQuery("DELETE FROM upload_target_application"
                        + " WHERE application_id = CAST(:app AS uuid)").setParameter("app", applicationId)
                        .executeUpdate()));
    }

    /**
     * An erased account's applications are gone: their ids (only those) are kept as gone, before the erasure removes
     * its rows. In the caller's transaction.
     */
    public Uni<Integer> markGoneOfAccount(String accountId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO upload_target_gone (application_id)"
                + " SELECT application_id FROM upload_target_application WHERE account_id = CAST(:account AS uuid)"
                + " ON CONFLICT DO NOTHING").setParameter("account", accountId).executeUpdate());
    }
}
