package id.go.imigrasi.mpaspor.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the outbox and inbox small: published outbox rows and old inbox ids are deleted after their retention.
 * The inbox retention must exceed any redelivery window (Kafka retention of the consumed topics).
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final AgroalDataSource dataSource;
    private final Duration outboxRetention;
    private final Duration inboxRetention;

    public Housekeeping(AgroalDataSource dataSource,
            @ConfigProperty(name = "mpaspor.outbox.retention") Duration outboxRetention,
            @ConfigProperty(name = "mpaspor.inbox.retention") Duration inboxRetention) {
        this.dataSource = dataSource;
        this.outboxRetention = outboxRetention;
        this.inboxRetention = inboxRetention;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try (Connection c = dataSource.getConnection()) {
            int outbox = delete(c, "DELETE FROM outbox WHERE sent_at < now() - make_interval(secs => ?)",
                    outboxRetention);
            int inbox = delete(c, "DELETE FROM inbox WHERE received_at < now() - make_interval(secs => ?)",
                    inboxRetention);
            if (outbox + inbox > 0) {
                LOG.infof("housekeeping: deleted %d published outbox rows and %d inbox ids", outbox, inbox);
            }
        } catch (SQLException e) {
            LOG.warn("housekeeping failed; will try again", e);
        }
    }

    private static int delete(Connection c, String sql, Duration retention) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setDouble(1, retention.toSeconds());
            return st.executeUpdate();
        }
    }
}
