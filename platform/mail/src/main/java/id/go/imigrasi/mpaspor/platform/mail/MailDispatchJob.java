package id.go.imigrasi.mpaspor.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The mail outbox's schedules.
 * <ul>
 * <li>The dispatcher, besides the wake-ups after commits: every {@code mpaspor.mail.dispatch.every} (2 s;
 * {@code off} in a test that runs {@link MailDispatcher#dispatchDue()} itself). It picks up the mails due for a
 * retry, those queued by steps that do not wake the dispatcher (event consumers) and those left by a stopped
 * instance. On every instance: the claims share the work.</li>
 * <li>The retention purge ({@link MailRetention}), daily at {@code mpaspor.mail.retention.cron}; on every instance,
 * each row deleted once.</li>
 * </ul>
 */
@ApplicationScoped
public class MailDispatchJob {

    private static final Logger LOG = Logger.getLogger(MailDispatchJob.class);

    private final MailDispatcher dispatcher;
    private final MailRetention retention;

    public MailDispatchJob(MailDispatcher dispatcher, MailRetention retention) {
        this.dispatcher = dispatcher;
        this.retention = retention;
    }

    @Scheduled(identity = "mail-dispatch", every = "${mpaspor.mail.dispatch.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        dispatcher.wake();
    }

    @Scheduled(identity = "mail-retention", cron = "${mpaspor.mail.retention.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return retention.purge()
                .onFailure().invoke(e -> LOG.error("mail retention failed; the next run retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
