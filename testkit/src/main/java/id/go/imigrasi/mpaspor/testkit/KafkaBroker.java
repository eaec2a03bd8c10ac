package id.go.imigrasi.mpaspor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), running in its own JVM process
 * from the jars that {@code local-stack} copies from Maven Central. A separate process keeps the broker's
 * kafka-clients version away from the one the services use, and lets a test stop and restart it.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Set this to use an already running broker instead of starting one. */
    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static KafkaBroker shared;

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * The broker shared by every test of this JVM: {@value #BOOTSTRAP_ENV} when set, otherwise one started on
     * first use and stopped when the JVM exits.
     */
    public static synchronized String sharedBootstrapServers() {
        String external = System.getenv(BOOTSTRAP_ENV);
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (shared == null) {
            shared = startNew();
            KafkaBroker broker = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-shutdown"));
        }
        return shared.bootstrapServers();
    }

    /** A broker of its own, for a test that stops and restarts it. Close it when done. */
    public static KafkaBroker startNew() {
        try {
            Path dir = Files.createTempDirectory("mpaspor-kafka-");
            KafkaBroker broker = new KafkaBroker(dir, freePort(), freePort());
            broker.format();
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker (again) on the same port and data directory, and waits until it answers. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> command = List.of(javaExecutable(), "-Xms128m", "-Xmx768m", "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", libs() + "/*", "kafka.Kafka", dir.resolve("server.properties").toString());
        long logOffset = logSize();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        }
        awaitReady(logOffset);
    }

    private long logSize() {
        try {
            Path log = dir.resolve("kafka.log");
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Stops the broker gracefully (controlled shutdown) and waits for its process to end. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /**
     * Freezes the broker's process (SIGSTOP), as a stalled machine or a long GC pause would: its port still
     * accepts connections and requests, but nothing is answered until {@link #thaw()}.
     */
    public synchronized void freeze() {
        signal("-STOP");
    }

    /** Resumes a frozen broker (SIGCONT); it then handles what it received while frozen. */
    public synchronized void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (!isRunning()) {
            throw new IllegalStateException("the Kafka broker is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    /** Creates a topic (idempotent) so a test does not depend on auto-creation timing. */
    public static void createTopic(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
    }

    private void format() throws IOException {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", dir.resolve("data").toString());
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        try (var out = Files.newBufferedWriter(dir.resolve("server.properties"))) {
            props.store(out, "M-Paspor test broker");
        }
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level=INFO", "rootLogger.appenderRef.stdout.ref=STDOUT",
                "appender.stdout.type=Console", "appender.stdout.name=STDOUT",
                "appender.stdout.layout.type=PatternLayout", "appender.stdout.layout.pattern=[%d] %p %m (%c)%n",
                "logger.kafka.name=kafka", "logger.kafka.level=INFO",
                "logger.apache.name=org.apache.kafka", "logger.apache.level=WARN", ""));
        Process formatter = new ProcessBuilder(javaExecutable(), "-cp", libs() + "/*", "kafka.tools.StorageTool",
                "format", "--standalone", "--cluster-id=" + clusterId(), "--config", dir.resolve("server.properties").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("format.log").toFile()).start();
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                throw new IllegalStateException("formatting the KRaft storage failed: "
                        + Files.readString(dir.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(long logOffset) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Path log = dir.resolve("kafka.log");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited: " + tail(log, logOffset));
            }
            if (tail(log, logOffset).contains("Kafka Server started")) {
                return;
            }
            try {
                Thread.sleep(100); // polling a child process' log: there is no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the Kafka broker did not start within " + READY_TIMEOUT + ": "
                + tail(log, logOffset));
    }

    /** The log written since {@code offset} (a restart appends to the same file). */
    private static String tail(Path log, long offset) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            byte[] bytes = Files.readAllBytes(log);
            int from = (int) Math.max(offset, bytes.length - 20_000L);
            return new String(bytes, from, bytes.length - from, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Where local-stack copied the broker's jars. */
    static Path libs() {
        String configured = System.getProperty("mpaspor.kafka.libs", System.getenv("MPASPOR_KAFKA_LIBS"));
        if (configured != null && Files.isDirectory(Paths.get(configured))) {
            return Paths.get(configured);
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("local-stack/target/kafka-libs");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The Kafka broker jars are missing: run './mvnw -pl local-stack package' "
                + "from the repository root (or set -Dmpaspor.kafka.libs / " + BOOTSTRAP_ENV + ")");
    }

    private static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + dir + "]";
    }
}
