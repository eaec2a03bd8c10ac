package id.go.imigrasi.mpaspor.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole system, started exactly as a developer starts it ({@code ./mpaspor up}), but beside any system the
 * developer may have running: its own state directory ({@code e2e/target/run}), its own databases
 * ({@code e2e_*}, dropped first so every run starts empty) and every port shifted by {@link #OFFSET}.
 */
final class SystemUnderTest implements AutoCloseable {

    static final int OFFSET = Integer.getInteger("mpaspor.e2e.port-offset", 10000);
    private static final String DB_PREFIX = System.getProperty("mpaspor.e2e.db-prefix", "e2e_");
    private static final List<String> DATABASES = List.of("account", "application", "quota", "billing", "biometric",
            "upload", "ops");

    private final Path root;
    private final Path runDir;
    private final Map<String, String> env = new HashMap<>();

    SystemUnderTest(Map<String, String> overrides) {
        this.root = Path.of(System.getProperty("mpaspor.root", "..")).toAbsolutePath().normalize();
        this.runDir = root.resolve("e2e/target/run");
        env.put("MPASPOR_RUN_DIR", runDir.toString());
        env.put("MPASPOR_PORT_OFFSET", Integer.toString(OFFSET));
        env.put("MPASPOR_DB_PREFIX", DB_PREFIX);
        env.putAll(overrides);
    }

    /** True when the journey drives a system someone already started with the same settings (while iterating). */
    static boolean reused() {
        return Boolean.getBoolean("mpaspor.e2e.reuse");
    }

    void start() {
        if (reused()) {
            Journey.say("  reusing the running system (-Dmpaspor.e2e.reuse=true)");
            return;
        }
        stopLeftovers();
        dropDatabases();
        deleteRecursively(runDir);
        run(List.of("./mpaspor", "up"), 420);
    }

    @Override
    public void close() {
        if (reused()) {
            return;
        }
        run(List.of("./mpaspor", "down"), 180);
    }

    String gateway() {
        return "http://127.0.0.1:" + port(8080);
    }

    static int port(int base) {
        return base + OFFSET;
    }

    String secret(String name) {
        try {
            return Files.readString(runDir.resolve("secrets").resolve(name)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    Path log(String component) {
        return runDir.resolve("logs").resolve(component + ".log");
    }

    /** A previous run that died without {@code down} leaves processes recorded in the run directory. */
    private void stopLeftovers() {
        if (Files.isDirectory(runDir.resolve("pids"))) {
            run(List.of("./mpaspor", "down"), 180);
        }
    }

    /** A connection to one of this system's databases ({@code account}, {@code application}, ...), or postgres. */
    static Connection database(String name) throws SQLException {
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("PGPORT", "5432") + "/" + ("postgres".equals(name) ? name : DB_PREFIX + name);
        return DriverManager.getConnection(url, System.getenv().getOrDefault("PGUSER", "postgres"), "");
    }

    /** The databases of this system, without their prefix. */
    static List<String> databases() {
        return DATABASES;
    }

    private void dropDatabases() {
        try (Connection c = database("postgres"); Statement s = c.createStatement()) {
            for (String db : DATABASES) {
                s.execute("DROP DATABASE IF EXISTS " + DB_PREFIX + db + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the journey's databases", e);
        }
    }

    private void run(List<String> command, int timeoutSeconds) {
        int exit = exitCodeOf(command, timeoutSeconds);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exit + "; logs in "
                    + runDir.resolve("logs"));
        }
    }

    /**
     * Runs a command of the repository (its output echoed) against this system, with the same settings the system
     * was started with; returns its exit code.
     */
    int exitCodeOf(List<String> command, int timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            Thread pump = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    out.lines().forEach(line -> Journey.say("  [mpaspor] " + line));
                } catch (IOException e) {
                    // the process ended
                }
            }, "mpaspor-output");
            pump.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            pump.join(5_000);
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command of the repository against this system and returns its output (stdout and stderr). */
    String outputOf(List<String> command, int timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The database prefix of this system ({@code e2e_} by default). */
    static String databasePrefix() {
        return DB_PREFIX;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
