package id.go.imigrasi.mpaspor.platform.mail;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What ops watch on the mail outbox: how many mails wait ({@code mpaspor_mail_queued}), how many were sent, how many
 * attempts failed (an SMTP outage makes this grow while nothing is lost), how many mails were given up
 * ({@code mpaspor_mail_dead_total}, alert on any) and how many dead mails the table keeps
 * ({@code mpaspor_mail_undelivered}, the same over restarts and instances).
 */
@ApplicationScoped
public class MailMetrics {

    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong undelivered = new AtomicLong();
    private final Counter sent;
    private final Counter failures;
    private final Counter dead;
    private final Counter delivered;
    private final Counter notDelivered;

    public MailMetrics(MeterRegistry registry) {
        // strong references: a gauge must not turn into NaN because its holder was collected
        Gauge.builder("mpaspor.mail.queued", queued, AtomicLong::get).strongReference(true)
                .description("Mails queued and committed, not yet sent nor given up").register(registry);
        Gauge.builder("mpaspor.mail.undelivered", undelivered, AtomicLong::get).strongReference(true)
                .description("Dead mails kept in the outbox: given up after the last attempt").register(registry);
        sent = Counter.builder("mpaspor.mail.sent").description("Mails handed to the SMTP server").register(registry);
        failures = Counter.builder("mpaspor.mail.failures")
                .description("Mail sending attempts that failed").register(registry);
        dead = Counter.builder("mpaspor.mail.dead")
                .description("Mails given up after the last attempt (kept, not sent)").register(registry);
        delivered = Counter.builder("mpaspor.mail.text.receipts").tag("status", "delivered")
                .description("Signed delivery receipts of texts (SMS, WhatsApp) from the provider").register(registry);
        notDelivered = Counter.builder("mpaspor.mail.text.receipts").tag("status", "failed")
                .description("Signed delivery receipts of texts (SMS, WhatsApp) from the provider").register(registry);
    }

    void receipt(boolean reached) {
        (reached ? delivered : notDelivered).increment();
    }

    void backlog(long waiting, long given) {
        queued.set(waiting);
        undelivered.set(given);
    }

    void sent() {
        sent.increment();
    }

    void failed() {
        failures.increment();
    }

    void dead() {
        dead.increment();
    }

    public double deadCount() {
        return dead.count();
    }

    public long queued() {
        return queued.get();
    }

    public long undelivered() {
        return undelivered.get();
    }
}
