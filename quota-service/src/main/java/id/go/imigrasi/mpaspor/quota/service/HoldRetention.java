package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.platform.retention.RetentionMetrics;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * quota-service's retention rule (UU PDP 27/2022; {@code mpaspor.quota.retention.*}, docs/privacy.md "Retention"),
 * daily ({@code jobs.QuotaJobs}), on any number of instances at once: a hold no longer HELD whose NIKs are no longer
 * bound (no active {@code hold_nik} row) has its NIKs replaced by zeros (as many as it had) and its {@code hold_nik}
 * rows deleted once its day is {@code anonymise-after} past. The hold itself (account, office, date, session,
 * status, times) stays: the slot's history. Batches of {@code mpaspor.quota.expiry.batch-size}, each one statement
 * claiming holds with {@code FOR UPDATE SKIP LOCKED}; one log line per run and {@code mpaspor_retention_deleted_total}.
 */
@ApplicationScoped
@Startup
public class HoldRetention {

    public static final String TASK = "quota";
    public static final String HOLDS = "holds_anonymised";
    static final String ZEROS = "0000000000000000";

    private static final Logger LOG = Logger.getLogger(HoldRetention.class);
    private static final String ANONYMISE = "WITH claimed AS (SELECT h.id FROM hold h WHERE h.status <> 'HELD'"
            + " AND h.date < :before AND h.niks NOT LIKE '" + ZEROS + "%' AND NOT EXISTS (SELECT 1 FROM hold_nik n"
            + " WHERE n.hold_id = h.id AND n.active) ORDER BY h.date LIMIT :limit FOR UPDATE OF h SKIP LOCKED),"
            + " unbound AS (DELETE FROM hold_nik WHERE hold_id IN (SELECT id FROM claimed)),"
            + " done AS (UPDATE hold SET niks = array_to_string(array_fill('" + ZEROS + "'::text,"
            + " ARRAY[array_length(string_to_array(niks, ','), 1)]), ',') WHERE id IN (SELECT id FROM claimed)"
            + " RETURNING id) SELECT count(*) FROM done";

    private final QuotaConfig config;
    private final Clock clock;
    private final RetentionMetrics.Task metrics;

    public HoldRetention(QuotaConfig config, Clock clock, RetentionMetrics metrics) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics.task(TASK, HOLDS);
    }

    /** One run: the number of holds anonymised by this instance; logged and counted. */
    public Uni<Integer> run() {
        LocalDate before = LocalDate.now(clock).minusDays(config.retention().anonymiseAfter().toDays());
        return batches(before, 0).invoke(n -> {
            metrics.succeeded();
            LOG.infof("retention: anonymised the NIKs of %d holds of days before %s", n, before);
        });
    }

    private Uni<Integer> batches(LocalDate before, int soFar) {
        int limit = config.expiry().batchSize();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(ANONYMISE, Long.class)
                .setParameter("before", before).setParameter("limit", limit).getSingleResult()))
                .map(Long::intValue)
                .invoke(n -> metrics.deleted(HOLDS, n))
                .chain(n -> n < limit ? Uni.createFrom().item(soFar + n) : batches(before, soFar + n));
    }
}
