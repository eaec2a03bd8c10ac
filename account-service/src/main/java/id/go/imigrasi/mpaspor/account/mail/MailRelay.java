package id.go.imigrasi.mpaspor.account.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the mail outbox through SMTP (quarkus-mailer) on a worker thread: due rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} (several instances share the work), sent, and marked sent with the body
 * erased; a failure is retried with exponential backoff, for as long as it takes. Nothing is dropped.
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);
    private static final String CLAIM = "SELECT id, recipient, subject, body, attempts FROM mail_outbox "
            + "WHERE sent_at IS NULL AND next_attempt_at <= now() ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED";
    private static final String SENT = "UPDATE mail_outbox SET sent_at = now(), body = NULL, attempts = attempts + 1, "
            + "last_error = NULL WHERE id = ?";
    private static final String FAILED = "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, "
            + "next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?";

    private record Due(UUID id, String recipient, String subject, String body, int attempts) {
    }

    private final AgroalDataSource dataSource;
    private final Mailer mailer;
    private final AccountConfig.Mail policy;
    private final Semaphore signal = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final Counter sent;
    private final Counter failures;
    private volatile boolean running;
    private Thread thread;

    public MailRelay(AgroalDataSource dataSource, Mailer mailer, AccountConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.mailer = mailer;
        this.policy = config.mail();
        this.sent = Counter.builder("mpaspor.mail.sent").description("Mails handed to the SMTP server")
                .register(registry);
        this.failures = Counter.builder("mpaspor.mail.failures")
                .description("Mail sending attempts that failed and will be retried").register(registry);
        Gauge.builder("mpaspor.mail.pending", pending, AtomicLong::get).strongReference(true)
                .description("Mails waiting to be sent").register(registry);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::loop, "mail-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public void wake() {
        signal.release();
    }

    private void loop() {
        while (running) {
            try {
                int handled = round();
                if (handled == 0) {
                    signal.tryAcquire(policy.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("mail relay round failed (%s); retrying", e.toString());
                try {
                    Thread.sleep(policy.pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims due mails, sends each, records the outcome; returns how many were attempted. */
    int round() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Due> due = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(CLAIM)) {
                while (rs.next()) {
                    due.add(new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5)));
                }
            }
            for (Due mail : due) {
                try {
                    mailer.send(Mail.withText(mail.recipient(), mail.subject(), mail.body()));
                    try (PreparedStatement st = c.prepareStatement(SENT)) {
                        st.setObject(1, mail.id());
                        st.executeUpdate();
                    }
                    sent.increment();
                } catch (RuntimeException e) {
                    failures.increment();
                    long wait = backoffSeconds(mail.attempts() + 1);
                    LOG.warnf("mail %s to %s failed (attempt %d): %s; next try in %d s", mail.id(), mail.recipient(),
                            mail.attempts() + 1, e.getMessage(), wait);
                    try (PreparedStatement st = c.prepareStatement(FAILED)) {
                        st.setString(1, String.valueOf(e.getMessage()));
                        st.setLong(2, wait);
                        st.setObject(3, mail.id());
                        st.executeUpdate();
                    }
                }
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL")) {
                rs.next();
                pending.set(rs.getLong(1));
            }
            c.commit();
            return due.size();
        }
    }

    private long backoffSeconds(int attempts) {
        long initial = Math.max(1, policy.backoffInitial().toSeconds());
        long cap = Math.max(initial, policy.backoffMax().toSeconds());
        return Math.min(cap, initial << Math.min(attempts - 1, 16));
    }

    public Duration pollInterval() {
        return policy.pollInterval();
    }
}
