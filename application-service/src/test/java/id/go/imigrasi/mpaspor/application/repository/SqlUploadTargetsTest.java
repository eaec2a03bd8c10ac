package id.go.imigrasi.mpaspor.application.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.upload.UploadTargets.Target;
import id.go.imigrasi.mpaspor.testkit.PostgresDatabase;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * The production ownership query on real PostgreSQL, with the two tables reduced to the columns the agreement
 * with the applications side names ({@code application(id, account_id, status)},
 * {@code applicant(id, application_id)}); the full schema is the applications side's migrations.
 */
class SqlUploadTargetsTest {

    private static PostgresDatabase database;
    private static Vertx vertx;
    private static PgPool pool;
    private static SqlUploadTargets targets;

    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID DRAFT = UUID.randomUUID();
    private static final UUID SUBMITTED = UUID.randomUUID();
    private static final UUID APPLICANT = UUID.randomUUID();
    private static final UUID SUBMITTED_APPLICANT = UUID.randomUUID();

    @BeforeAll
    static void schema() {
        database = PostgresDatabase.create("uploadtargets");
        database.update("CREATE TABLE application (id uuid PRIMARY KEY, account_id uuid NOT NULL, status text NOT NULL)");
        database.update("CREATE TABLE applicant (id uuid PRIMARY KEY, application_id uuid NOT NULL"
                + " REFERENCES application(id))");
        database.update("INSERT INTO application VALUES (?::uuid, ?::uuid, 'DRAFT'), (?::uuid, ?::uuid, 'SUBMITTED')",
                DRAFT.toString(), OWNER.toString(), SUBMITTED.toString(), OWNER.toString());
        database.update("INSERT INTO applicant VALUES (?::uuid, ?::uuid), (?::uuid, ?::uuid)", APPLICANT.toString(),
                DRAFT.toString(), SUBMITTED_APPLICANT.toString(), SUBMITTED.toString());
        vertx = Vertx.vertx();
        pool = PgPool.pool(vertx, PgConnectOptions.fromUri(database.reactiveUrl()).setUser(database.username())
                .setPassword(database.password()), new PoolOptions().setMaxSize(2));
        targets = new SqlUploadTargets(pool);
    }

    @AfterAll
    static void drop() {
        if (pool != null) {
            pool.closeAndAwait();
        }
        if (vertx != null) {
            vertx.closeAndAwait();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theOwnerOfADraftMayUploadForItsApplicant() {
        assertThat(resolve(OWNER, DRAFT, APPLICANT)).isEqualTo(Target.EDITABLE);
    }

    @Test
    void aSubmittedApplicationIsNotEditable() {
        assertThat(resolve(OWNER, SUBMITTED, SUBMITTED_APPLICANT)).isEqualTo(Target.NOT_EDITABLE);
    }

    @Test
    void anotherAccountOrAnApplicantOfAnotherApplicationIsNotFound() {
        assertThat(resolve(UUID.randomUUID(), DRAFT, APPLICANT)).isEqualTo(Target.NOT_FOUND);
        assertThat(resolve(OWNER, DRAFT, SUBMITTED_APPLICANT)).isEqualTo(Target.NOT_FOUND);
        assertThat(resolve(OWNER, UUID.randomUUID(), APPLICANT)).isEqualTo(Target.NOT_FOUND);
    }

    private static Target resolve(UUID account, UUID application, UUID applicant) {
        return targets.resolve(account, application, applicant).await().atMost(Duration.ofSeconds(30));
    }
}
