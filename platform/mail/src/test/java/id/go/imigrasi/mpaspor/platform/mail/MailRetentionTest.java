package id.go.imigrasi.mpaspor.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.platform.retention.RetentionMetrics;
import id.go.imigrasi.mpaspor.testkit.AtOnce;
import id.go.imigrasi.mpaspor.testkit.MailServer;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The mail outbox's retention purge on a real PostgreSQL: sent and dead mails older than their retention (30 days,
 * the defaults) are deleted and counted by kind; younger ones and mails still to send stay; two instances purging at
 * once delete and count each row once, and a second run finds nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "database", value = "platform_mail"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MailRetentionTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    MailRetention retention;

    @Inject
    RetentionMetrics metrics;

    @Inject
    AgroalDataSource db;

    private String row(String state, Instant at) throws SQLException {
        String id = UUID.randomUUID().toString();
        String sql = switch (state) {
            case "sent" -> "INSERT INTO queued_mail (id, recipient, kind, subject, created_at, next_attempt_at, sent_at,"
                    + " attempts) VALUES (?::uuid, ?, 'TEST', 'Halo', ?, ?, ?, 1)";
            case "dead" -> "INSERT INTO queued_mail (id, recipient, kind, subject, body, created_at, next_attempt_at,"
                    + " dead_at, attempts, last_error) VALUES (?::uuid, ?, 'TEST', 'Halo', 'isi', ?, ?, ?, 3, '550')";
            default -> "INSERT INTO queued_mail (id, recipient, kind, subject, body, created_at, next_attempt_at)"
                    + " VALUES (?::uuid, ?, 'TEST', 'Halo', 'isi', ?, ?)";
        };
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            Timestamp ts = Timestamp.from(at);
            st.setString(1, id);
            st.setString(2, "retention-" + id + "@mpaspor.test");
            st.setTimestamp(3, Timestamp.from(at.minus(DAY)));
            st.setTimestamp(4, ts);
            if (!state.equals("unsent")) {
                st.setTimestamp(5, ts);
            }
            st.executeUpdate();
        }
        return id;
    }

    private List<String> remaining(List<String> ids) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT id::text FROM queued_mail WHERE id::text = ANY (?)")) {
            st.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private MailRetention.Purged purge() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(retention::purge);
    }

    @Test
    void sentAndDeadMailsPastTheirRetentionAreDeletedWhileYoungerAndUnsentOnesStay() throws Throwable {
        Instant now = Instant.now();
        RetentionMetrics.Task task = metrics.task(MailRetention.TASK);
        double sentBefore = task.deletedCount(MailRetention.SENT);
        double deadBefore = task.deletedCount(MailRetention.DEAD);
        Instant lastRunBefore = task.lastSuccess();
        List<String> old = List.of(row("sent", now.minus(DAY.multipliedBy(31))),
                row("sent", now.minus(DAY.multipliedBy(400))), row("dead", now.minus(DAY.multipliedBy(31))));
        List<String> kept = List.of(row("sent", now.minus(DAY.multipliedBy(29))),
                row("dead", now.minus(DAY.multipliedBy(29))),
                row("unsent", now.minus(DAY.multipliedBy(60))));

        MailRetention.Purged purged = purge();

        assertThat(remaining(old)).as("old sent and dead mails").isEmpty();
        assertThat(remaining(kept)).as("younger and unsent mails").containsExactlyInAnyOrderElementsOf(kept);
        assertThat(purged).isEqualTo(new MailRetention.Purged(2, 1));
        assertThat(task.deletedCount(MailRetention.SENT) - sentBefore).isEqualTo(2.0);
        assertThat(task.deletedCount(MailRetention.DEAD) - deadBefore).isEqualTo(1.0);
        assertThat(task.lastSuccess()).isAfterOrEqualTo(lastRunBefore);
        assertThat(purge()).as("a second run").isEqualTo(new MailRetention.Purged(0, 0));
        assertThat(remaining(kept)).containsExactlyInAnyOrderElementsOf(kept);
    }

    @Test
    void twoInstancesPurgingAtOnceDeleteAndCountEachMailOnce() throws Throwable {
        Instant now = Instant.now();
        RetentionMetrics.Task task = metrics.task(MailRetention.TASK);
        double sentBefore = task.deletedCount(MailRetention.SENT);
        double deadBefore = task.deletedCount(MailRetention.DEAD);
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // several batches of 3
            old.add(row("sent", now.minus(DAY.multipliedBy(40 + i))));
        }
        for (int i = 0; i < 5; i++) {
            old.add(row("dead", now.minus(DAY.multipliedBy(40 + i))));
        }

        List<MailRetention.Purged> runs = AtOnce.twice(() -> VertxContextSupport.subscribeAndAwait(retention::purge));

        assertThat(remaining(old)).isEmpty();
        assertThat(runs.get(0).sent() + runs.get(1).sent()).as("sent mails deleted by both").isEqualTo(8);
        assertThat(runs.get(0).dead() + runs.get(1).dead()).as("dead mails deleted by both").isEqualTo(5);
        assertThat(task.deletedCount(MailRetention.SENT) - sentBefore).isEqualTo(8.0);
        assertThat(task.deletedCount(MailRetention.DEAD) - deadBefore).isEqualTo(5.0);
    }
}
