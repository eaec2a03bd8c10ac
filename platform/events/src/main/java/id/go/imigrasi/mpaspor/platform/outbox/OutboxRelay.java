package id.go.imigrasi.mpaspor.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * idempotent producer ({@code acks=all}), waits for every record's outcome, records Kafka's acknowledgement per
 * row ({@code acked_at}, {@code kafka_partition}, {@code kafka_offset}; {@code sent_at} marks it done) and commits.
 * Rows whose send failed stay pending and are sent again after a backoff, so nothing is dropped.</li>
 * <li>Published once, also when the broker freezes or goes away mid-round: the producer never gives up on a record
 * it has sent ({@code delivery.timeout.ms} is unbounded and cannot be configured away), it retries with the same
 * producer id and sequence number, so the broker drops a retry of a record it had already appended. The round's
 * transaction keeps its rows claimed while their sends are in flight, so no other relay sends them meanwhile. A
 * relay that gave up on in-flight records and sent them again from a new producer (the broker cannot tell those
 * apart) is what published duplicates after a freeze (issue 25). The one gap left: a relay process that dies, or
 * is closed past {@code SHUTDOWN_GRACE}, while its records are in flight leaves them pending, and the next relay
 * sends them again; if the broker had appended them, they are on the topic twice (at most one batch per such
 * relay). Consumers deduplicate by CloudEvents id (the inbox), so no effect is applied twice. (A commit that fails
 * after the acks has the same effect.)</li>
 * <li>Several relays (threads or service instances) can run at once. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, and a relay only claims rows of aggregates whose transaction-scoped advisory
 * lock it holds, so two relays never publish events of the same aggregate concurrently, which keeps per-key
 * order.</li>
 * <li>The relay sleeps on PostgreSQL {@code LISTEN mpaspor_outbox}; the outbox trigger notifies, on commit, when
 * the backlog goes from empty to non-empty, so an event leaves within milliseconds. A commit onto a backlog does
 * not notify (PostgreSQL serialises notifying commits), and one that wrote while another event was pending may
 * commit after the relay drained the backlog: so while it had work within the last second the relay also looks
 * after {@code hotPollInterval}, doubled after each look that found nothing up to {@code hotPollMax}, still woken
 * at once by a notification. A look is one query ({@code EXISTS} over the pending rows' index); only a look that
 * finds something opens the claim's transaction. It used to claim every 10 ms in that second: ~5 claim
 * transactions and a check per event at 15 events a second, half of the statements a journey ran (load/README.md,
 * session 32). The poll interval is the safety net.</li>
 * </ul>
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Namespace of the relay's advisory locks ("OB"). */
    static final int LOCK_NAMESPACE = 0x4F42;
    static final String CHANNEL = "mpaspor_outbox";
    /**
     * The oldest pending rows (a bounded window, materialized), restricted to the aggregates whose advisory lock
     * this transaction gets, row-locked. The lock is tried once per aggregate ({@code locked}, materialized), never
     * once per row: tried per row, a relay could be refused an aggregate's older row while another relay still held
     * the lock and be granted its newer row a moment later in the same statement, once that relay committed without
     * having sent the older row (it had locked the aggregate for a window row past its LIMIT), and then publish the
     * newer event first (CI of 2026-12-05, {@code OutboxRelayTest.twoRelaysPublishEveryEventOnceAndInOrderPerAggregate}).
     * With the lock decided per aggregate, a relay claims a prefix (by seq) of each aggregate's pending rows or none.
     * {@code sent_at IS NULL} is repeated outside the window: if another relay marked a row sent meanwhile, FOR
     * UPDATE re-checks it there.
     */
    private static final String CLAIM = "WITH window_rows AS MATERIALIZED ("
            + " SELECT id, aggregate_id, seq FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?),"
            + " locked AS MATERIALIZED (SELECT a.aggregate_id FROM (SELECT DISTINCT aggregate_id FROM window_rows) a"
            + " WHERE pg_try_advisory_xact_lock(" + LOCK_NAMESPACE + ", hashtext(a.aggregate_id)))"
            + " SELECT o.id, o.aggregate_id, o.type, o.topic, o.source, o.payload, o.created_at, o.traceparent"
            + " FROM window_rows w JOIN locked l ON l.aggregate_id = w.aggregate_id JOIN outbox o ON o.id = w.id"
            + " WHERE o.sent_at IS NULL"
            + " ORDER BY w.seq LIMIT ? FOR UPDATE OF o SKIP LOCKED";
    private static final String PENDING = "SELECT EXISTS (SELECT 1 FROM outbox WHERE sent_at IS NULL)";
    /** Per row: Kafka's acknowledgement as the producer received it; sent_at is when the relay recorded it. */
    private static final String MARK_SENT = "UPDATE outbox o SET sent_at = clock_timestamp(), acked_at = a.acked_at,"
            + " kafka_partition = a.part, kafka_offset = a.off"
            + " FROM unnest(?::uuid[], ?::timestamptz[], ?::int[], ?::bigint[]) AS a(id, acked_at, part, off)"
            + " WHERE o.id = a.id";
    /** How long a closing relay waits for the outcome of records it has sent before it gives them up. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /** While waiting for acks, the backlog gauges keep being measured at this pace. */
    private static final long WAIT_SLICE_MILLIS = 500;
    private static final String BACKLOG = "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) "
            + "FROM outbox WHERE sent_at IS NULL";

    /**
     * {@code hotPollInterval}: how soon to look for new rows while the relay had work within the last second (the
     * outbox trigger notifies only when the backlog goes from empty to non-empty, so a busy relay polls), doubled
     * after each look that found nothing up to {@code hotPollMax}.
     */
    public record Settings(int batchSize, Duration pollInterval, Duration backoffInitial, Duration backoffMax,
            Duration hotPollInterval, Duration hotPollMax) {

        public Settings(int batchSize, Duration pollInterval, Duration backoffInitial, Duration backoffMax) {
            this(batchSize, pollInterval, backoffInitial, backoffMax, Duration.ofMillis(10), Duration.ofMillis(100));
        }
    }

    private static final Duration HOT_WINDOW = Duration.ofSeconds(1);

    private record Row(UUID id, String aggregateId, String type, String topic, String source, String payload,
            Instant createdAt, String traceparent) {
    }

    /** One record of a round: its send, and when the producer received the broker's ack (set by the callback). */
    private static final class Delivery {
        final Row row;
        Future<RecordMetadata> future;
        volatile Instant ackedAt;
        RecordMetadata metadata;

        Delivery(Row row) {
            this.row = row;
        }
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
    private volatile Instant closingDeadline;
    private volatile boolean awaitingAcks;
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

    /**
     * Stops the relay. A round with records in flight gets {@link #SHUTDOWN_GRACE} to learn their outcome and
     * record the acks, so a restart does not send them again.
     */
    @Override
    public synchronized void close() {
        closingDeadline = Instant.now().plus(SHUTDOWN_GRACE);
        running = false;
        if (thread != null) {
            try {
                if (awaitingAcks) {
                    thread.join(SHUTDOWN_GRACE.toMillis() + 1_000);
                }
                thread.interrupt();
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
        int quietLooks = 0;
        while (running) {
            try {
                listen(); // before looking, so that no commit after this look goes unnoticed
                // one short query when nothing is pending; the claim is a transaction of three statements
                boolean pending = pendingRemains();
                int sent = pending ? publishBatch() : 0;
                failures = 0;
                if (sent > 0) {
                    lastWork = Instant.now();
                    quietLooks = 0;
                    continue; // more may have committed meanwhile: look again at once
                }
                if (pending) {
                    // rows of aggregates another relay holds right now: try again shortly, not at the next poll
                    Thread.sleep(20);
                } else if (Duration.between(lastWork, Instant.now()).compareTo(HOT_WINDOW) < 0) {
                    // busy lately: a commit that landed on a backlog drained since did not notify, so look again
                    // soon, ever less often while nothing comes; a commit that notifies ends the wait at once
                    awaitWork(hotPause(quietLooks++));
                } else {
                    awaitWork(settings.pollInterval());
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
                if (!running) {
                    break;
                }
                Duration pause = backoff(failures);
                LOG.warnf("outbox relay %s: round failed (%s), retrying in %d ms", name, e.toString(), pause.toMillis());
                if (!sleep(pause)) {
                    break;
                }
            }
        }
    }

    /** The hot-poll interval, doubled for each look that found nothing, at most {@code hotPollMax}. */
    private Duration hotPause(int quietLooks) {
        long millis = Math.max(1, settings.hotPollInterval().toMillis()) << Math.min(quietLooks, 16);
        return Duration.ofMillis(Math.min(millis, Math.max(1, settings.hotPollMax().toMillis())));
    }

    /** One round: claim, send, wait for every outcome, record the acks, commit. Returns the events published. */
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
                List<Delivery> sent = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    CloudEvent event = CloudEvents.envelope(row.id().toString(), row.source(), row.type(),
                            row.aggregateId(), row.createdAt(), row.payload(), row.traceparent());
                    Delivery delivery = new Delivery(row);
                    delivery.future = kafka.send(new ProducerRecord<>(row.topic(), row.aggregateId(), event),
                            (metadata, exception) -> {
                                if (exception == null) {
                                    delivery.ackedAt = Instant.now();
                                }
                            });
                    sent.add(delivery);
                    if (delivery.future.isDone() && failed(delivery.future)) {
                        // send() reports some failures (e.g. a metadata timeout) as an already failed future;
                        // sending the rows after it could overtake it, so the rest waits for the next round
                        break;
                    }
                }
                Exception failure = awaitOutcomes(sent);
                List<Delivery> acked = sent.stream().filter(d -> d.metadata != null).toList();
                if (!acked.isEmpty()) {
                    markSent(c, acked);
                }
                c.commit();
                for (Delivery d : acked) {
                    metrics.published(Duration.between(d.row.createdAt(), d.ackedAt));
                }
                if (failure != null || acked.size() < rows.size()) {
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

    /**
     * Waits for the outcome of every record sent, however long the broker takes: giving up on a record that is in
     * flight and sending it again would publish it twice (see the class comment). Only a closing relay stops
     * waiting, after {@link #SHUTDOWN_GRACE}. Returns the first failure, if any.
     */
    private Exception awaitOutcomes(List<Delivery> sent) throws InterruptedException {
        Exception failure = null;
        boolean interrupted = false;
        metrics.waitingSince(Instant.now());
        awaitingAcks = true;
        try {
            for (Delivery d : sent) {
                while (d.metadata == null) {
                    try {
                        d.metadata = d.future.get(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
                        if (d.ackedAt == null) {
                            d.ackedAt = Instant.now(); // the callback always runs first; this is a safety net
                        }
                    } catch (ExecutionException e) {
                        failure = failure == null ? e : failure;
                        break;
                    } catch (InterruptedException e) {
                        if (running) {
                            throw e;
                        }
                        interrupted = true; // closing: the grace below still applies to what is in flight
                    } catch (TimeoutException stillInFlight) {
                        measureBacklogQuietly(); // the lag must keep growing on the dashboards while Kafka is away
                        Instant deadline = closingDeadline;
                        if (!running && deadline != null && Instant.now().isAfter(deadline)) {
                            LOG.warnf("outbox relay %s: closing with records in flight; they stay pending and may be"
                                    + " published again by the next relay", name);
                            return new IllegalStateException("closed with records in flight");
                        }
                    }
                }
            }
            return failure;
        } finally {
            awaitingAcks = false;
            metrics.waitingSince(null);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void markSent(Connection c, List<Delivery> acked) throws SQLException {
        int n = acked.size();
        UUID[] ids = new UUID[n];
        Timestamp[] ackedAt = new Timestamp[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        for (int i = 0; i < n; i++) {
            Delivery d = acked.get(i);
            ids[i] = d.row.id();
            ackedAt[i] = Timestamp.from(d.ackedAt);
            partitions[i] = d.metadata.partition();
            offsets[i] = d.metadata.hasOffset() ? d.metadata.offset() : null;
        }
        try (PreparedStatement mark = c.prepareStatement(MARK_SENT)) {
            mark.setArray(1, c.createArrayOf("uuid", ids));
            mark.setArray(2, c.createArrayOf("timestamptz", ackedAt));
            mark.setArray(3, c.createArrayOf("int4", partitions));
            mark.setArray(4, c.createArrayOf("int8", offsets));
            mark.executeUpdate();
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
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)));
                }
            }
        }
        return rows;
    }

    /** Blocks until a commit notifies the outbox channel or {@code timeout} passes. */
    private void awaitWork(Duration timeout) throws SQLException, InterruptedException {
        listen();
        listener.unwrap(PGConnection.class).getNotifications((int) Math.max(1, timeout.toMillis()));
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /**
     * Whether any row is pending. Once a second the backlog's size and age are measured for the gauges, and that
     * query answers the question too.
     */
    private boolean pendingRemains() throws SQLException {
        Long backlog = measureBacklog();
        if (backlog != null) {
            return backlog > 0;
        }
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

    /** The number of pending rows, measured for the gauges at most once a second; {@code null} when not due. */
    private Long measureBacklog() throws SQLException {
        Instant now = Instant.now();
        if (Duration.between(backlogMeasuredAt, now).toMillis() < 1_000) {
            return null;
        }
        backlogMeasuredAt = now;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(BACKLOG)) {
            rs.next();
            long pending = rs.getLong(1);
            metrics.backlog(pending, Duration.ofMillis((long) (rs.getDouble(2) * 1000)));
            return pending;
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
                // nothing of ours is in flight here (a round waits for every outcome); abort what is left
                producer.close(Duration.ZERO);
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
