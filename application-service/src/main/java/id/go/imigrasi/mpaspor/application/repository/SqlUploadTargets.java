package id.go.imigrasi.mpaspor.application.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.upload.UploadTargets;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@link UploadTargets} on the applications side's tables, read-only: the application must be the caller's,
 * the applicant must belong to it, and uploads are allowed only while the application is a DRAFT.
 */
@ApplicationScoped
public class SqlUploadTargets implements UploadTargets {

    static final String QUERY = "SELECT a.status FROM application a JOIN applicant p ON p.application_id = a.id"
            + " WHERE a.id = $1 AND p.id = $2 AND a.account_id = $3";

    private final Pool pool;

    public SqlUploadTargets(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Target> resolve(UUID accountId, UUID applicationId, UUID applicantId) {
        return pool.preparedQuery(QUERY).execute(Tuple.of(applicationId, applicantId, accountId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Target.NOT_FOUND;
                    }
                    Row row = it.next();
                    return "DRAFT".equals(row.getString(0)) ? Target.EDITABLE : Target.NOT_EDITABLE;
                });
    }
}
