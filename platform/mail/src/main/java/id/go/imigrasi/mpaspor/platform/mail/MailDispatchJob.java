package id.go.imigrasi.mpaspor.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * The dispatcher's schedule, besides the wake-ups after commits: every {@code mpaspor.mail.dispatch.every} (2 s;
 * {@code off} in a test that runs {@link MailDispatcher#dispatchDue()} itself). It picks up the mails due for a
 * retry, those queued by steps that do not wake the dispatcher (event consumers) and those left by a stopped
 * instance. On every instance: the claims share the work.
 */
@ApplicationScoped
public class MailDispatchJob {

    private final MailDispatcher dispatcher;

    public MailDispatchJob(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(identity = "mail-dispatch", every = "${mpaspor.mail.dispatch.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        dispatcher.wake();
    }
}
