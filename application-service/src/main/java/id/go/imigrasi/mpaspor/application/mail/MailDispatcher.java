package id.go.imigrasi.mpaspor.application.mail;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.ApplicantMail;
import id.go.imigrasi.mpaspor.application.repository.MailRepository;
import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sends the queued applicant mails, reactively, on a schedule. A run leases due mails in one short statement
 * (rows another instance is leasing are skipped), then sends them one by one without holding a transaction open
 * over SMTP; each outcome is recorded on its own: delivered, or due again later with a doubled wait. A mail
 * whose lease ran out without an outcome (a crashed instance) becomes due again. Nothing is dropped.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final String LEASE = "UPDATE applicant_mail SET lease_until = now() + make_interval(secs => :lease) "
            + "WHERE id IN (SELECT id FROM applicant_mail WHERE delivered_at IS NULL AND due_at <= now() "
            + "AND (lease_until IS NULL OR lease_until < now()) ORDER BY due_at LIMIT :batch FOR UPDATE SKIP LOCKED) "
            + "RETURNING *";

    private final ReactiveMailer mailer;
    private final MailRepository mails;
    private final ApplicationConfig.Mail policy;

    public MailDispatcher(ReactiveMailer mailer, MailRepository mails, ApplicationConfig config) {
        this.mailer = mailer;
        this.mails = mails;
        this.policy = config.mail();
    }

    @Scheduled(identity = "applicant-mail", every = "${mpaspor.application.mail.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return dispatch().replaceWithVoid();
    }

    /** One run; returns how many mails were delivered. */
    public Uni<Integer> dispatch() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery(LEASE, ApplicantMail.class)
                .setParameter("lease", (double) policy.lease().toSeconds())
                .setParameter("batch", policy.batch())
                .getResultList()))
                .chain(leased -> Multi.createFrom().iterable(leased)
                        .onItem().transformToUniAndConcatenate(this::send)
                        .collect().asList())
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> send(ApplicantMail mail) {
        Uni<Throwable> outcome = mailer.send(Mail.withText(mail.recipient, mail.subject, mail.body))
                .map(sent -> (Throwable) null)
                .onFailure().recoverWithItem(failure -> failure);
        return OnContext.resume(outcome).chain(failure -> {
            if (failure == null) {
                return Panache.withTransaction(() -> mails.update(
                        "deliveredAt = ?1, leaseUntil = null, tries = tries + 1, error = null where id = ?2",
                        Instant.now(), mail.id)).replaceWith(true);
            }
            int tries = mail.tries + 1;
            Duration wait = backoff(tries);
            LOG.warnf("mail %s to %s failed (try %d): %s; again in %s", mail.id, mail.recipient, tries,
                    failure.getMessage(), wait);
            return Panache.withTransaction(() -> mails.update(
                    "tries = ?1, error = ?2, dueAt = ?3, leaseUntil = null where id = ?4", tries,
                    String.valueOf(failure.getMessage()), Instant.now().plus(wait), mail.id)).replaceWith(false);
        });
    }

    private Duration backoff(int tries) {
        long initial = Math.max(1, policy.retryInitial().toMillis());
        long wait = initial << Math.min(tries - 1, 20);
        return Duration.ofMillis(Math.min(wait, policy.retryMax().toMillis()));
    }
}
