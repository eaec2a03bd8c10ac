package id.go.imigrasi.mpaspor.ops.redrive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** The {@code redrive} table: every re-drive, newest first. */
@ApplicationScoped
public class RedriveLog {

    private final DataSource dataSource;

    public RedriveLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public void insert(Connection c, Redrive r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO redrive (id, dead_letter_topic, dead_letter_partition,"
                + " dead_letter_offset, target_topic, target_partition, target_offset, event_id, event_type, record_key,"
                + " reason, redriven_by, redriven_by_email, redriven_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            s.setObject(1, r.id());
            s.setString(2, r.deadLetterTopic());
            s.setInt(3, r.deadLetterPartition());
            s.setLong(4, r.deadLetterOffset());
            s.setString(5, r.targetTopic());
            s.setInt(6, r.targetPartition());
            s.setLong(7, r.targetOffset());
            s.setString(8, r.eventId());
            s.setString(9, r.eventType());
            s.setString(10, r.key());
            s.setString(11, r.reason());
            s.setString(12, r.redrivenBy());
            s.setString(13, r.redrivenByEmail());
            s.setTimestamp(14, Timestamp.from(r.redrivenAt()));
            s.executeUpdate();
        }
    }

    public List<Redrive> latest(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM redrive ORDER BY redriven_at DESC LIMIT ?")) {
            s.setInt(1, limit);
            List<Redrive> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Redrive(rs.getObject("id", UUID.class), rs.getString("dead_letter_topic"),
                            rs.getInt("dead_letter_partition"), rs.getLong("dead_letter_offset"),
                            rs.getString("target_topic"), rs.getInt("target_partition"), rs.getLong("target_offset"),
                            rs.getString("event_id"), rs.getString("event_type"), rs.getString("record_key"),
                            rs.getString("reason"), rs.getString("redriven_by"), rs.getString("redriven_by_email"),
                            rs.getTimestamp("redriven_at").toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("the redrive table cannot be read", e);
        }
    }

    /** "topic/partition/offset" of every dead letter of this topic that was re-driven at least once. */
    public Set<String> redriven(String deadLetterTopic) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT dead_letter_partition, dead_letter_offset FROM redrive WHERE dead_letter_topic = ?")) {
            s.setString(1, deadLetterTopic);
            Set<String> out = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(deadLetterTopic + "/" + rs.getInt(1) + "/" + rs.getLong(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("the redrive table cannot be read", e);
        }
    }
}
