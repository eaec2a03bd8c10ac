package id.go.imigrasi.mpaspor.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.platform.retention.RetentionMetrics;
import id.go.imigrasi.mpaspor.quota.service.HoldRetention;
import id.go.imigrasi.mpaspor.testkit.AtOnce;
import id.go.imigrasi.mpaspor.testkit.PostgresDatabase;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The retention rule of quota-service (issue 23): a hold no longer HELD whose NIKs are no longer bound, its day over
 * 90 days past, has its NIKs replaced by zeros and its hold_nik rows deleted; a younger one, and one whose NIKs are
 * still bound, keep them. Two instances at once anonymise and count each hold once.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class HoldRetentionTest {

    private static final String ZEROS = "0000000000000000";

    @Inject
    HoldRetention retention;

    @Inject
    RetentionMetrics metrics;

    private static PostgresDatabase db() {
        return RealInfrastructure.database();
    }

    private static String nik() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 9_999_999_999_999_999L));
    }

    /** A hold on the day {@code daysAgo} days ago, with two NIKs whose hold_nik rows are {@code bound} or not. */
    private static String hold(String status, int daysAgo, boolean bound, String... niks) {
        String id = UUID.randomUUID().toString();
        db().update("INSERT INTO hold (id, account_id, office_code, date, service, session, size, niks, status,"
                + " expires_at, released_at) VALUES (?::uuid, ?, 'BNA', ?, 'REGULAR', 'MORNING', ?, ?, ?,"
                + " now() - interval '1 day', now())", id, "acc-" + id, LocalDate.now().minusDays(daysAgo), niks.length,
                String.join(",", niks), status);
        for (String nik : niks) {
            db().update("INSERT INTO hold_nik (hold_id, nik, active) VALUES (?::uuid, ?, ?)", id, nik, bound);
        }
        return id;
    }

    private static String niksOf(String hold) {
        return (String) db().rows("SELECT niks FROM hold WHERE id = ?::uuid", hold).get(0).get("niks");
    }

    private static long bound(String hold) {
        return db().count("SELECT count(*) FROM hold_nik WHERE hold_id = ?::uuid", hold);
    }

    @Test
    void holdsOfLongPastDaysLoseTheirNiksOnceWhileYoungerAndBoundOnesKeepThem() throws Throwable {
        String a = nik();
        String b = nik();
        List<String> old = List.of(hold("RELEASED", 91, false, a, b), hold("RELEASED", 300, false, nik()),
                hold("BOOKED", 120, false, nik(), nik(), nik()), hold("RELEASED", 95, false, nik()));
        String young = hold("RELEASED", 89, false, nik());
        String stillBound = hold("BOOKED", 150, true, nik());
        double before = metrics.task(HoldRetention.TASK).deletedCount(HoldRetention.HOLDS);

        List<Integer> runs = AtOnce.twice(() -> VertxContextSupport.subscribeAndAwait(retention::run));

        assertThat(runs.get(0) + runs.get(1)).as("holds anonymised by both instances").isEqualTo(4);
        assertThat(metrics.task(HoldRetention.TASK).deletedCount(HoldRetention.HOLDS) - before).isEqualTo(4.0);
        assertThat(niksOf(old.get(0))).isEqualTo(ZEROS + "," + ZEROS);
        assertThat(niksOf(old.get(2))).isEqualTo(ZEROS + "," + ZEROS + "," + ZEROS);
        for (String hold : old) {
            assertThat(bound(hold)).as("hold_nik rows of %s", hold).isZero();
            assertThat(db().count("SELECT count(*) FROM hold WHERE id = ?::uuid AND office_code = 'BNA'", hold))
                    .as("the hold itself stays").isEqualTo(1);
        }
        assertThat(db().count("SELECT count(*) FROM hold WHERE niks LIKE ? OR niks LIKE ?", "%" + a + "%",
                "%" + b + "%")).isZero();
        assertThat(niksOf(young)).isNotEqualTo(ZEROS);
        assertThat(bound(young)).isEqualTo(1);
        assertThat(niksOf(stillBound)).isNotEqualTo(ZEROS);
        assertThat(bound(stillBound)).isEqualTo(1);
        assertThat(VertxContextSupport.subscribeAndAwait(retention::run)).as("a second run").isZero();
    }
}
