package id.go.imigrasi.mpaspor.platform.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.platform.retention.RetentionMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Deletes the mails whose purpose is over (UU PDP 27/2022): a sent mail {@code mpaspor.mail.retention.sent} after it
 * was sent, a dead one {@code mpaspor.mail.retention.dead} after it was given up. Mails still to send are never
 * touched. A run deletes in batches, each its own short transaction claiming rows with {@code FOR UPDATE SKIP
 * LOCKED}, so several instances running it at once delete each row once and count it once. Scheduled daily by
 * {@link MailDispatchJob}.
 */
@ApplicationScoped
@Startup
public class MailRetention {

    static final String TASK = "mail";
    static final String SENT = "mail_sent";
    static final String DEAD = "mail_dead";

    private static final Logger LOG = Logger.getLogger(MailRetention.class);
    private static final String PURGE = "DELETE FROM queued_mail WHERE id IN (SELECT id FROM queued_mail"
            + " WHERE sent_at < :sentBefore OR dead_at < :deadBefore LIMIT :batch FOR UPDATE SKIP LOCKED)"
            + " AND (sent_at < :sentBefore OR dead_at < :deadBefore)"
            + " RETURNING CASE WHEN sent_at IS NOT NULL THEN 'sent' ELSE 'dead' END";

    /** What one run deleted. */
    public record Purged(int sent, int dead) {
        Purged plus(List<String> batch) {
            int s = (int) batch.stream().filter("sent"::equals).count();
            return new Purged(sent + s, dead + batch.size() - s);
        }
    }

    private final MailConfig config;
    private final Clock clock;
    private final RetentionMetrics.Task metrics;

    public MailRetention(MailConfig config, Clock clock, RetentionMetrics metrics) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics.task(TASK, SENT, DEAD);
    }

    /** One run: every sent or dead mail past its retention, batch by batch; logged and counted. */
    public Uni<Purged> purge() {
        Instant now = clock.instant();
        Instant sentBefore = now.minus(config.retention().sent());
        Instant deadBefore = now.minus(config.retention().dead());
        return batches(sentBefore, deadBefore, new Purged(0, 0)).invoke(purged -> {
            metrics.succeeded();
            LOG.infof("mail retention: deleted %d sent mails (before %s) and %d dead mails (before %s)",
                    purged.sent(), sentBefore, purged.dead(), deadBefore);
        });
    }

    private Uni<Purged> batches(Instant sentBefore, Instant deadBefore, Purged soFar) {
        int batch = config.retention().batch();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(PURGE, String.class)
                .setParameter("sentBefore", sentBefore)
                .setParameter("deadBefore", deadBefore)
                .setParameter("batch", batch)
                .getResultList()))
                .invoke(deleted -> {
                    long sent = deleted.stream().filter("sent"::equals).count();
                    metrics.deleted(SENT, sent);
                    metrics.deleted(DEAD, deleted.size() - sent);
                })
                .chain(deleted -> deleted.size() < batch ? Uni.createFrom().item(soFar.plus(deleted))
                        : batches(sentBefore, deadBefore, soFar.plus(deleted)));
    }
}
