package id.go.imigrasi.mpaspor.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for one test run, dropped afterwards. It lives on the server given by
 * {@code PGHOST}/{@code PGPORT}/{@code PGUSER}/{@code PGPASSWORD} (default 127.0.0.1:5432, postgres). When no
 * server is configured or reachable and a Docker engine is available, a Testcontainers PostgreSQL is used.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static PostgreSQLContainer container;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name;

    private PostgresDatabase(String host, int port, String user, String password, String name) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates {@code <prefix>_t_<random>} on the chosen server. */
    public static PostgresDatabase create(String prefix) {
        String name = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_t_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        PostgresDatabase db = onServer(name);
        db.admin("CREATE DATABASE " + name);
        return db;
    }

    private static PostgresDatabase onServer(String name) {
        String host = System.getenv("PGHOST");
        int port = Integer.parseInt(envOr("PGPORT", "5432"));
        String user = envOr("PGUSER", "postgres");
        String password = envOr("PGPASSWORD", "");
        if (host != null && !host.isBlank()) {
            return new PostgresDatabase(host, port, user, password, name);
        }
        if (reachable("127.0.0.1", port)) {
            return new PostgresDatabase("127.0.0.1", port, user, password, name);
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer pg = container();
            return new PostgresDatabase(pg.getHost(), pg.getMappedPort(5432), pg.getUsername(), pg.getPassword(),
                    name);
        }
        throw new IllegalStateException("No PostgreSQL for the tests: nothing listens on 127.0.0.1:" + port
                + ", PGHOST is not set and no Docker engine is available. Start the local cluster with "
                + "'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'.");
    }

    private static synchronized PostgreSQLContainer container() {
        if (container == null) {
            container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
        }
        return container;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + name;
    }

    public String username() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A new JDBC connection to this database, for assertions on committed rows. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** The first column of the first row, e.g. a {@code count(*)} over committed rows. */
    public long count(String sql, Object... args) {
        try (Connection c = connect(); java.sql.PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, args);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A committed change, e.g. moving recorded times into the past instead of waiting. */
    public int update(String sql, Object... args) {
        try (Connection c = connect(); java.sql.PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, args);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Committed rows, read as another process would: one map per row, keyed by column label. */
    public java.util.List<java.util.Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = connect(); java.sql.PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, args);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                java.util.List<java.util.Map<String, Object>> out = new java.util.ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    java.util.Map<String, Object> row = new java.util.HashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void bind(java.sql.PreparedStatement st, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user,
                password); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
