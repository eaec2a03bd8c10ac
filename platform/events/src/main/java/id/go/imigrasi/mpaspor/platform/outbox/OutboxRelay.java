package id.go.imigrasi.mpaspor.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import id.go.imigrasi.mpaspor.platform.events.CloudEvents;
import io.cloudevents.CloudEvent;

/**
 * Publishes committed outbox rows to Kafka, in order per aggregate, and marks them sent.
 * <ul>
 * <li>One round claims up to {@code batchSize} pending rows in a database transaction, sends them with an
 * idempotent producer ({@code acks=all}), waits for every ack, marks them sent and commits. Any failure rolls
 * the round back: the rows stay pending and are sent again after a backoff, so nothing is dropped. Rows whose
 * ack did arrive are marked sent even when others of the round failed, and a failed producer is aborted rather
 * than flushed, so an outage does not turn into duplicates. (A row can still be published twice if the commit
 * itself fails after the acks; consumers deduplicate by CloudEvents id.)</li>
 * <li>Several relays (threads or service instances) can run at once. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, and a relay only claims rows of aggregates whose transaction-scoped advisory
 * lock it holds, so two relays never publish events of the same aggregate concurrently, which keeps per-key
 * order.</li>
 * <li>The relay sleeps on PostgreSQL {@code LISTEN mpaspor_outbox}; the outbox trigger notifies, on commit, when
 * the backlog goes from empty to non-empty, so an event leaves within milliseconds. While it had work within the
 * last second the relay polls every {@code hotPollInterval} instead (commits onto a backlog do not notify:
 * PostgreSQL serialises notifying commits). The poll interval is the safety net.</li>
 * </ul>
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Namespace of the relay's advisory locks ("OB"). */
    static final int LOCK_NAMESPACE = 0x4F42;
    static final String CHANNEL = "mpaspor_outbox";
    /**
     * The oldest pending rows (a bounded window, materialized so that the advisory locks are tried on these rows
     * only), restricted to aggregates whose lock this transaction gets, row-locked. {@code sent_at IS NULL} is
     * repeated outside the window: if another relay marked a row sent meanwhile, FOR UPDATE re-checks it there.
     */
    private static final String CLAIM = "WITH window_rows AS MATERIALIZED ("
            + " SELECT id, aggregate_id, seq FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?)"
            + " SELECT o.id, o.aggregate_id, o.type, o.topic, o.source, o.payload, o.created_at"
            + " FROM window_rows w JOIN outbox o ON o.id = w.id"
            + " WHERE pg_try_advisory_xact_lock(" + LOCK_NAMESPACE + ", hashtext(w.aggregate_id))"
            + " AND o.sent_at IS NULL"
            + " ORDER BY w.seq LIMIT ? FOR UPDATE OF o SKIP LOCKED";
    private static final String PENDING = "SELECT EXISTS (SELECT 1 FROM outbox WHERE sent_at IS NULL)";
    private static final String MARK_SENT = "UPDATE outbox SET sent_at = now() WHERE id = ANY(?)";
    private static final String BACKLOG = "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) "
            + "FROM outbox WHERE sent_at IS NULL";

    /**
     * {@code hotPollInterval}: how often to look for new rows while the relay had work within the last second (the
     * outbox trigger notifies only when the backlog goes from empty to non-empty, so a busy relay polls).
     */
    public record Settings(int batchSize, Duration pollInterval, Duration backoffInitial, Duration backoffMax,
            Duration hotPollInterval) {

        public Settings(int batchSize, Duration pollInterval, Duration backoffInitial, Duration backoffMax) {
            this(batchSize, pollInterval, backoffInitial, backoffMax, Duration.ofMillis(10));
        }
    }

    private static final Duration HOT_WINDOW = Duration.ofSeconds(1);

    private record Row(UUID id, String aggregateId, String type, String topic, String source, String payload,
            Instant createdAt) {
    }

    private final String name;
    private final DataSource dataSource;
    private final Supplier<Producer<String, CloudEvent>> producers;
    private final Settings settings;
    private final OutboxMetrics metrics;
    private Producer<String, CloudEvent> producer;
    private Connection listener;
    private Thread thread;
    private volatile boolean running;
    private Instant backlogMeasuredAt = Instant.EPOCH;
    private Instant lastWork = Instant.EPOCH;

    public OutboxRelay(String name, DataSource dataSource, Supplier<Producer<String, CloudEvent>> producers,
            Settings settings, OutboxMetrics metrics) {
        this.name = name;
        this.dataSource = dataSource;
        this.producers = producers;
        this.settings = settings;
        this.metrics = metrics;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(settings.pollInterval().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
        closeListener();
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                listen(); // before claiming, so that no commit after this round goes unnoticed
                int sent = publishBatch();
                failures = 0;
                if (sent > 0) {
                    lastWork = Instant.now();
                }
                measureBacklog();
                if (sent < settings.batchSize()) {
                    if (pendingRemains()) {
                        // rows of aggregates another relay holds right now: try again shortly, not at the next poll
                        Thread.sleep(20);
                    } else if (Duration.between(lastWork, Instant.now()).compareTo(HOT_WINDOW) < 0) {
                        // busy lately: commits that land on a backlog do not notify, so look again soon
                        Thread.sleep(Math.max(1, settings.hotPollInterval().toMillis()));
                    } else {
                        awaitWork();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                failures++;
                metrics.failed();
                closeProducer(); // a producer that timed out may be in a bad state: start afresh
                closeListener();
                measureBacklogQuietly(); // the lag must keep growing on the dashboards while Kafka is down
                Duration pause = backoff(failures);
                LOG.warnf("outbox relay %s: round failed (%s), retrying in %d ms", name, e.toString(), pause.toMillis());
                if (!sleep(pause)) {
                    break;
                }
            }
        }
    }

    /** One round: claim, send, wait for acks, mark sent, commit. Returns the number of events published. */
    int publishBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Row> rows = claim(c);
                if (rows.isEmpty()) {
                    c.commit();
                    return 0;
                }
                Producer<String, CloudEvent> kafka = producer();
                // Metadata first: an unreachable broker fails here, before anything of the round is sent.
                rows.stream().map(Row::topic).distinct().forEach(kafka::partitionsFor);
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    CloudEvent event = CloudEvents.envelope(row.id().toString(), row.source(), row.type(),
                            row.aggregateId(), row.createdAt(), row.payload());
                    Future<RecordMetadata> ack = kafka.send(new ProducerRecord<>(row.topic(), row.aggregateId(), event));
                    acks.add(ack);
                    if (ack.isDone() && failed(ack)) {
                        // send() reports some failures (e.g. a metadata timeout) as an already failed future;
                        // sending the rows after it could overtake it, so the rest waits for the next round
                        break;
                    }
                }
                // Wait for every outcome, not just the first failure: a record still buffered when we give up
                // could reach a returning broker later and be published a second time.
                List<UUID> acked = new ArrayList<>(rows.size());
                Exception failure = null;
                for (int i = 0; i < acks.size(); i++) {
                    try {
                        acks.get(i).get();
                        acked.add(rows.get(i).id());
                    } catch (ExecutionException e) {
                        failure = failure == null ? e : failure;
                    }
                }
                if (!acked.isEmpty()) {
                    try (PreparedStatement mark = c.prepareStatement(MARK_SENT)) {
                        mark.setArray(1, c.createArrayOf("uuid", acked.toArray()));
                        mark.executeUpdate();
                    }
                }
                c.commit();
                Instant now = Instant.now();
                rows.stream().filter(r -> acked.contains(r.id()))
                        .forEach(r -> metrics.published(Duration.between(r.createdAt(), now)));
                if (failure != null || acks.size() < rows.size()) {
                    // the rest stays pending for the next round, after a backoff
                    throw failure != null ? failure : new IllegalStateException("round stopped at a failed send");
                }
                return rows.size();
            } catch (Exception e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    private static boolean failed(Future<RecordMetadata> done) {
        try {
            done.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private List<Row> claim(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
            claim.setInt(1, settings.batchSize() * 4);
            claim.setInt(2, settings.batchSize());
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return rows;
    }

    /** Blocks until a commit notifies the outbox channel or the poll interval passes. */
    private void awaitWork() throws SQLException, InterruptedException {
        listen();
        listener.unwrap(PGConnection.class).getNotifications((int) settings.pollInterval().toMillis());
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    private boolean pendingRemains() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(PENDING)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private void listen() throws SQLException {
        if (listener == null) {
            listener = dataSource.getConnection();
            listener.setAutoCommit(true);
            try (Statement st = listener.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
            }
        }
    }

    private void measureBacklog() throws SQLException {
        Instant now = Instant.now();
        if (Duration.between(backlogMeasuredAt, now).toMillis() < 1_000) {
            return;
        }
        backlogMeasuredAt = now;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(BACKLOG)) {
            rs.next();
            metrics.backlog(rs.getLong(1), Duration.ofMillis((long) (rs.getDouble(2) * 1000)));
        }
    }

    private void measureBacklogQuietly() {
        try {
            measureBacklog();
        } catch (SQLException e) {
            LOG.debug("cannot measure the outbox backlog", e);
        }
    }

    /** Exponential backoff with full jitter, capped. */
    private Duration backoff(int failures) {
        long cap = Math.min(settings.backoffMax().toMillis(),
                settings.backoffInitial().toMillis() << Math.min(failures - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }

    private Producer<String, CloudEvent> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO); // abort, never flush: unacked rows are sent again by the next round
            } catch (RuntimeException e) {
                LOG.debug("closing the outbox producer failed", e);
            }
            producer = null;
        }
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException e) {
                LOG.debug("closing the outbox listener failed", e);
            }
            listener = null;
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    private boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
