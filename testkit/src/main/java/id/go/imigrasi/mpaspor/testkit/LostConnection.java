package id.go.imigrasi.mpaspor.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Makes the database connection a request is using die under it, deterministically: the table the request reads or
 * writes is locked (ACCESS EXCLUSIVE, from a JDBC connection of the test), the request is sent, the backends that then
 * wait on the lock are terminated ({@code pg_terminate_backend}, what a failover or an operator does), and the lock
 * is released. The request's statement fails with SQLSTATE 57P01 on its pooled connection; what the client gets is
 * what the service makes of a lost connection (a read retried on a fresh connection, a write 503 + Retry-After).
 */
public final class LostConnection {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofMillis(300);

    private LostConnection() {
    }

    /** What {@code request} answered while its connection was lost on its first statement on {@code table}. */
    public static <T> T during(String table, Supplier<T> request) {
        if (!table.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        PostgresDatabase database = RealInfrastructure.database();
        try (Connection lock = database.connect(); Connection admin = database.connect()) {
            lock.setAutoCommit(false);
            int lockPid;
            try (Statement st = lock.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                lockPid = rs.getInt(1);
                st.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<T> answer = CompletableFuture.supplyAsync(request);
            awaitWaiter(admin, lockPid, table, answer);
            // a moment for every statement on its way to queue behind the lock (a job of the service may be
            // among them: it fails like the request, and its own retry takes it up again)
            Thread.sleep(SETTLE.toMillis());
            try (PreparedStatement st = admin.prepareStatement("SELECT count(pg_terminate_backend(a.pid)) "
                    + "FROM pg_stat_activity a WHERE a.datname = current_database() AND a.pid <> ? "
                    + "AND a.pid <> pg_backend_pid() AND ? = ANY(pg_blocking_pids(a.pid))")) {
                st.setInt(1, lockPid);
                st.setInt(2, lockPid);
                st.executeQuery().close();
            }
            lock.rollback();
            return answer.get(60, TimeUnit.SECONDS);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the request did not answer after its connection was lost", e);
        }
    }

    /** Until a backend (not ours) waits on the lock we hold on {@code table}. */
    private static int awaitWaiter(Connection admin, int lockPid, String table, CompletableFuture<?> answer)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String sql = "SELECT a.pid FROM pg_stat_activity a WHERE a.datname = current_database() AND a.pid <> ? "
                + "AND a.pid <> pg_backend_pid() AND a.wait_event_type = 'Lock' AND ? = ANY(pg_blocking_pids(a.pid)) "
                + "ORDER BY a.query_start LIMIT 1";
        while (System.nanoTime() < deadline) {
            try (PreparedStatement st = admin.prepareStatement(sql)) {
                st.setInt(1, lockPid);
                st.setInt(2, lockPid);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return rs.getInt(1);
                    }
                }
            }
            if (answer.isDone()) {
                throw new IllegalStateException("the request answered without waiting on table " + table
                        + ": it does not touch that table");
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no backend waited on table " + table + " within " + WAIT.toSeconds() + " s");
    }
}
