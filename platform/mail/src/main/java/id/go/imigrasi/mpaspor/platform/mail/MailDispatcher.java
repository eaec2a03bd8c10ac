package id.go.imigrasi.mpaspor.platform.mail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sends the queued mails, the one way for the whole platform.
 * <ul>
 * <li>A round claims due mails in one short statement: it leases them ({@code lease_until}) under
 * {@code FOR UPDATE SKIP LOCKED}, so rows another dispatcher is claiming or holds are skipped and any number of
 * instances send each mail once. It then sends them one by one through SMTP (Quarkus' reactive mailer) without a
 * transaction open, and records each outcome on its own.</li>
 * <li>A mail goes by its channel: e-mail through SMTP, SMS and WhatsApp through the provider ({@link TextMessages},
 * the queued row's id as its idempotency reference; the provider's id of the text is recorded for its receipt).</li>
 * <li>Sent: {@code sent_at}, the body erased (it may carry an OTP). Failed: due again after a wait that doubles from
 * {@code mpaspor.mail.backoff.initial} up to {@code .max}; after {@code mpaspor.mail.max-attempts} attempts the mail
 * is dead: kept with its last error and counted ({@code mpaspor_mail_dead_total}), never sent. An SMTP outage
 * therefore delays mail and loses none, unless it outlasts the attempts.</li>
 * <li>A dispatcher that dies between claiming and recording leaves its mails leased; they are due again when the
 * lease ({@code mpaspor.mail.lease}) runs out. A mail the SMTP server had accepted just before is then sent again:
 * the only duplicate left, as with any SMTP client.</li>
 * <li>{@link #wake()} (after a commit that queued mail, and the schedule of {@link MailDispatchJob}) runs rounds on
 * this instance's one dispatch thread until no full batch is due; a wake during a run makes it run once more, so
 * runs of one instance never overlap and no wake is lost.</li>
 * </ul>
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final String CLAIM = "UPDATE queued_mail SET lease_until = now() + make_interval(secs => :lease)"
            + " WHERE id IN (SELECT id FROM queued_mail WHERE sent_at IS NULL AND dead_at IS NULL"
            + " AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())"
            + " ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED)"
            + " RETURNING *";
    private static final String SENT = "UPDATE queued_mail SET sent_at = now(), body = NULL, attempts = attempts + 1,"
            + " lease_until = NULL, last_error = NULL, provider_message_id = NULLIF(:provider, '')"
            + " WHERE id = :id AND sent_at IS NULL";
    private static final String FAILED = "UPDATE queued_mail SET attempts = attempts + 1, last_error = :error,"
            + " lease_until = NULL, next_attempt_at = now() + make_interval(secs => :wait),"
            + " dead_at = CASE WHEN :dead THEN now() END WHERE id = :id AND sent_at IS NULL";
    private static final String BACKLOG = "SELECT count(*) FILTER (WHERE dead_at IS NULL),"
            + " count(*) FILTER (WHERE dead_at IS NOT NULL) FROM queued_mail WHERE sent_at IS NULL";

    /** What one round did: mails claimed, and of those, sent. */
    public record Round(int claimed, int sent) {
    }

    private final ReactiveMailer mailer;
    private final TextMessages texts;
    private final MailConfig config;
    private final MailMetrics metrics;
    private final ExecutorService runs = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "mail-dispatcher");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean runWaiting = new AtomicBoolean();

    public MailDispatcher(ReactiveMailer mailer, TextMessages texts, MailConfig config, MailMetrics metrics) {
        this.mailer = mailer;
        this.texts = texts;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Runs the dispatcher soon on this instance's dispatch thread (at most one run waits); returns at once. Once the
     * application is stopping, nothing: the mails wait in the table for the next instance.
     */
    public void wake() {
        if (!runWaiting.compareAndSet(false, true)) {
            return;
        }
        try {
            runs.execute(this::run);
        } catch (RejectedExecutionException stopping) {
            runWaiting.set(false);
        }
    }

    private void run() {
        runWaiting.set(false);
        try {
            VertxContextSupport.subscribeAndAwait(this::dispatchAllDue);
        } catch (Throwable e) {
            LOG.warnf("mail dispatch failed (%s); the next run retries", e.toString());
        }
    }

    /**
     * The application is stopping: no more runs. At its first step, not when this bean is destroyed, which comes after
     * the database pool has closed: until then the schedule's wakes each logged "mail dispatch failed (Pool closed)"
     * every 2 s of the stop (about 30 s in application-service).
     */
    void stopping(@Observes ShutdownEvent event) {
        runs.shutdownNow();
    }

    @PreDestroy
    void stop() {
        runs.shutdownNow();
    }

    /** Rounds until one claims less than a full batch, then the backlog gauges. */
    public Uni<Void> dispatchAllDue() {
        return Multi.createBy().repeating().uni(this::dispatchDue)
                .whilst(round -> round.claimed() >= config.batch())
                .collect().last()
                .chain(this::measureBacklog);
    }

    /** One round: claim up to a batch of due mails, send each, record each outcome. */
    public Uni<Round> dispatchDue() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(CLAIM, QueuedMail.class)
                .setParameter("lease", config.lease().toMillis() / 1000.0)
                .setParameter("batch", config.batch())
                .getResultList()))
                .chain(this::sendAll);
    }

    private Uni<Round> sendAll(List<QueuedMail> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(new Round(0, 0));
        }
        return Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndConcatenate(this::send)
                .collect().asList()
                .map(sent -> new Round(claimed.size(), (int) sent.stream().filter(Boolean::booleanValue).count()));
    }

    /** The outcome of one attempt: the provider's id (texts; "" for e-mail) or the failure. */
    private record Attempt(String providerId, Throwable failure) {
    }

    private Uni<Boolean> send(QueuedMail mail) {
        Uni<String> handedOver = Channel.valueOf(mail.channel).text() ? texts.send(mail)
                : mailer.send(Mail.withText(mail.recipient, mail.subject, mail.body)).map(sent -> "");
        Uni<Attempt> outcome = handedOver.map(id -> new Attempt(id == null ? "" : id, null))
                .onFailure().recoverWithItem(failure -> new Attempt(null, failure));
        return OnContext.resume(outcome).chain(attempt -> attempt.failure() == null ? sent(mail, attempt.providerId())
                : failed(mail, attempt.failure()));
    }

    private Uni<Boolean> sent(QueuedMail mail, String providerId) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(SENT).setParameter("provider", providerId).setParameter("id", mail.id)
                .executeUpdate()))
                .invoke(metrics::sent)
                .replaceWith(true);
    }

    private Uni<Boolean> failed(QueuedMail mail, Throwable failure) {
        int attempts = mail.attempts + 1;
        boolean dead = attempts >= config.maxAttempts();
        Duration wait = backoff(attempts, config.backoff());
        if (dead) {
            LOG.errorf("mail %s (%s) given up after %d attempts: %s", mail.id, mail.kind, attempts, failure);
        } else {
            LOG.warnf("mail %s (%s) failed (attempt %d of %d): %s; again in %s", mail.id, mail.kind, attempts,
                    config.maxAttempts(), failure, wait);
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(FAILED)
                .setParameter("error", String.valueOf(failure.getMessage()))
                .setParameter("wait", wait.toMillis() / 1000.0)
                .setParameter("dead", dead)
                .setParameter("id", mail.id)
                .executeUpdate()))
                .invoke(() -> {
                    metrics.failed();
                    if (dead) {
                        metrics.dead();
                    }
                })
                .replaceWith(false);
    }

    /** The wait after the n-th failed attempt: {@code initial * 2^(n-1)}, at most {@code max}. */
    static Duration backoff(int failedAttempts, MailConfig.Backoff backoff) {
        long initial = Math.max(1, backoff.initial().toMillis());
        long wait = initial << Math.min(Math.max(failedAttempts - 1, 0), 30);
        return Duration.ofMillis(Math.min(wait, Math.max(initial, backoff.max().toMillis())));
    }

    private Uni<Void> measureBacklog(Round last) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .<Object[]>createNativeQuery(BACKLOG).getSingleResult()))
                .invoke(counts -> metrics.backlog(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue()))
                .replaceWithVoid();
    }
}
