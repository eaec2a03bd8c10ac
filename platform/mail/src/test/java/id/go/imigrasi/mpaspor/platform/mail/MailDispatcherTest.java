package id.go.imigrasi.mpaspor.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.AtOnce;
import id.go.imigrasi.mpaspor.testkit.MailServer;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The platform's mail outbox on a real PostgreSQL and a real SMTP server (GreenMail): a mail exists only if the
 * transaction that queued it commits, an SMTP outage delays it and loses nothing, racing dispatchers send each mail
 * once, an idempotency key queues one mail, and a mail that fails its last attempt is dead, kept and counted. The
 * schedule is off here ({@code mpaspor.mail.dispatch.every=off}): each test runs the dispatcher itself.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "database", value = "platform_mail"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MailDispatcherTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Inject
    MailQueue queue;

    @Inject
    MailDispatcher dispatcher;

    @Inject
    MailMetrics metrics;

    @Inject
    AgroalDataSource db;

    private static String recipient(String test) {
        return test + "-" + UUID.randomUUID() + "@mpaspor.test";
    }

    private static OutgoingMail mail(String to) {
        return OutgoingMail.of(to, "TEST", "Halo " + to, "Isi surat untuk " + to);
    }

    private boolean committed(OutgoingMail mail) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> queue.enqueue(mail)));
    }

    private void dispatchAll() throws Exception {
        try {
            VertxContextSupport.subscribeAndAwait(dispatcher::dispatchAllDue);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aMailQueuedInARolledBackTransactionIsNeverSent() throws Throwable {
        String rolledBack = recipient("rolled-back");
        String marker = recipient("marker");
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> queue.enqueue(mail(rolledBack)).chain(() -> Uni.createFrom().failure(
                        new IllegalStateException("the step fails after queueing its mail"))))))
                .hasMessageContaining("the step fails");
        committed(mail(marker));

        dispatchAll();

        await().atMost(PATIENCE).until(() -> MailServer.received(marker).size() == 1);
        assertThat(count("SELECT count(*) FROM queued_mail WHERE recipient = ?", rolledBack)).isZero();
        assertThat(MailServer.received(rolledBack)).isEmpty();
    }

    @Test
    void queueingOutsideATransactionFails() {
        String to = recipient("no-transaction");
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> queue.enqueue(mail(to)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
    }

    @Test
    void anSmtpOutageDelaysTheMailAndLosesNothing() throws Throwable {
        String to = recipient("outage");
        MailServer.down();
        try {
            committed(mail(to));
            dispatchAll();
            assertThat(count("SELECT count(*) FROM queued_mail WHERE recipient = ? AND attempts = 1"
                    + " AND last_error IS NOT NULL AND sent_at IS NULL AND dead_at IS NULL", to)).isEqualTo(1);
        } finally {
            MailServer.up();
        }
        await().atMost(PATIENCE).until(() -> {
            dispatchAll();
            return !MailServer.received(to).isEmpty();
        });
        dispatchAll();
        MailServer.Received received = MailServer.received(to).get(0);
        assertThat(received.subject()).isEqualTo("Halo " + to);
        assertThat(received.body()).contains("Isi surat untuk " + to);
        assertThat(MailServer.received(to)).as("sent once").hasSize(1);
        assertThat(count("SELECT count(*) FROM queued_mail WHERE recipient = ? AND sent_at IS NOT NULL"
                + " AND body IS NULL AND attempts = 2 AND last_error IS NULL", to))
                .as("sent at the second attempt, the body erased").isEqualTo(1);
    }

    @Test
    void twoDispatchersRunningAtOnceSendEachMailExactlyOnce() throws Throwable {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // more than two batches of 5
            recipients.add(recipient("race-" + i));
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Uni<Boolean> all = Uni.createFrom().item(true);
            for (String to : recipients) {
                all = all.chain(() -> queue.enqueue(mail(to)));
            }
            return all;
        }));

        List<Integer> sent = AtOnce.twice(() -> {
            int mine = 0;
            MailDispatcher.Round round;
            do {
                round = VertxContextSupport.subscribeAndAwait(dispatcher::dispatchDue);
                mine += round.sent();
            } while (round.claimed() > 0);
            return mine;
        });

        assertThat(sent.get(0) + sent.get(1)).as("sent by both dispatchers together").isGreaterThanOrEqualTo(12);
        await().atMost(PATIENCE).until(() -> recipients.stream().allMatch(to -> !MailServer.received(to).isEmpty()));
        for (String to : recipients) {
            assertThat(MailServer.received(to)).as("mails to " + to).hasSize(1);
            assertThat(count("SELECT count(*) FROM queued_mail WHERE recipient = ? AND sent_at IS NOT NULL"
                    + " AND attempts = 1", to)).as("one attempt recorded for " + to).isEqualTo(1);
        }
    }

    @Test
    void theSameIdempotencyKeyQueuesOneMail() throws Throwable {
        String to = recipient("redelivered");
        String key = "event-" + UUID.randomUUID() + ":TEST";
        assertThat(committed(mail(to).once(key))).isTrue();
        assertThat(committed(mail(to).once(key))).as("the redelivered event's mail").isFalse();
        boolean againInOneTransaction = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> queue.enqueue(mail(to).once(key)).chain(() -> queue.enqueue(mail(to).once(key)))));
        assertThat(againInOneTransaction).isFalse();
        assertThat(count("SELECT count(*) FROM queued_mail WHERE idempotency_key = ?", key)).isEqualTo(1);

        dispatchAll();
        await().atMost(PATIENCE).until(() -> !MailServer.received(to).isEmpty());
        committed(mail(to).once(key)); // and once sent, the key still stands
        dispatchAll();
        assertThat(MailServer.received(to)).hasSize(1);
    }

    @Test
    void afterTheLastAttemptTheMailIsDeadKeptAndCounted() throws Throwable {
        String to = recipient("dead");
        double deadBefore = metrics.deadCount();
        MailServer.down();
        try {
            committed(mail(to));
            await().atMost(PATIENCE).until(() -> {
                dispatchAll();
                return count("SELECT count(*) FROM queued_mail WHERE recipient = ? AND dead_at IS NOT NULL", to) == 1;
            });
        } finally {
            MailServer.up();
        }
        assertThat(count("SELECT count(*) FROM queued_mail WHERE recipient = ? AND attempts = 3 AND sent_at IS NULL"
                + " AND body IS NOT NULL AND last_error IS NOT NULL", to)).as("kept, with its body and error")
                .isEqualTo(1);
        assertThat(metrics.deadCount()).isEqualTo(deadBefore + 1);
        assertThat(metrics.undelivered()).isGreaterThanOrEqualTo(1);

        // past any backoff, round after round: a dead mail is never due again
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> {
            dispatchAll();
            return MailServer.received(to).isEmpty();
        });
        assertThat(count("SELECT count(*) FROM queued_mail WHERE recipient = ? AND attempts = 3", to)).isEqualTo(1);
    }

    @Test
    void aWakeAfterCommitSendsWithoutWaitingForTheSchedule() throws Throwable {
        String to = recipient("woken");
        committed(mail(to));
        queue.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> MailServer.received(to).size() == 1);
    }
}
