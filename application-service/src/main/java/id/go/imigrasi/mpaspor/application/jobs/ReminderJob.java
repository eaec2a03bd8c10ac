package id.go.imigrasi.mpaspor.application.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.service.Reminders;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Runs the reminders ({@link Reminders#remindDue()}) every {@code mpaspor.application.reminders.every} ({@code off}
 * in tests, which run it themselves). On every instance: each reminder is queued once whoever runs it.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    private final Reminders reminders;

    public ReminderJob(Reminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(identity = "reminders", every = "${mpaspor.application.reminders.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return reminders.remindDue()
                .invoke(run -> LOG.debugf("reminders: %d appointment(s), %d bill(s) looked at", run.appointments(),
                        run.payments()))
                .onFailure().invoke(e -> LOG.error("reminders failed; the next run retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
