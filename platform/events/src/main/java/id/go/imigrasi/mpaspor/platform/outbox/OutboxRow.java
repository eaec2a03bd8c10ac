package id.go.imigrasi.mpaspor.platform.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * One row of the outbox, built by {@link Outbox#row} and not written yet: for a statement that writes its events
 * itself, many in one round trip, in the same transaction as its state change (quota-service's hold statement). The
 * platform owns the table: such a statement passes the rows as parameters ({@link #parameters}) and inserts them with
 * {@link #insertSql}, never by naming the outbox's columns itself.
 */
public record OutboxRow(UUID id, String aggregateId, String type, String topic, String source, String payload,
        Instant createdAt) {

    /** The parameters {@link #insertSql} reads, in order: one array per column, one element per row. */
    public static final int PARAMETERS = 7;

    /**
     * An {@code INSERT} of the rows passed as the {@link #PARAMETERS} arrays {@code $first ..} (see
     * {@link #parameters}) whose 1-based position satisfies {@code condition}, written over {@code e.i} (for example
     * {@code "e.i IN (SELECT i FROM granted)"}). Usable as a data-modifying CTE of a larger statement.
     */
    public static String insertSql(int first, String condition) {
        return "INSERT INTO outbox (id, aggregate_id, type, topic, source, payload, created_at)"
                + " SELECT e.id, e.aggregate_id, e.type, e.topic, e.source, e.payload, e.created_at FROM unnest($"
                + first + "::uuid[], $" + (first + 1) + "::text[], $" + (first + 2) + "::text[], $" + (first + 3)
                + "::text[], $" + (first + 4) + "::text[], $" + (first + 5) + "::text[], $" + (first + 6)
                + "::timestamptz[]) WITH ORDINALITY AS e(id, aggregate_id, type, topic, source, payload, created_at, i)"
                + " WHERE " + condition;
    }

    /** The {@link #PARAMETERS} arrays of {@code rows} for {@link #insertSql}, in its order. */
    public static List<Object> parameters(List<OutboxRow> rows) {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] aggregates = new String[n];
        String[] types = new String[n];
        String[] topics = new String[n];
        String[] sources = new String[n];
        String[] payloads = new String[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            OutboxRow row = rows.get(i);
            ids[i] = row.id();
            aggregates[i] = row.aggregateId();
            types[i] = row.type();
            topics[i] = row.topic();
            sources[i] = row.source();
            payloads[i] = row.payload();
            created[i] = row.createdAt().atOffset(ZoneOffset.UTC);
        }
        return List.of(ids, aggregates, types, topics, sources, payloads, created);
    }

    OutboxMessage toMessage() {
        OutboxMessage message = new OutboxMessage();
        message.id = id;
        message.aggregateId = aggregateId;
        message.type = type;
        message.topic = topic;
        message.source = source;
        message.payload = payload;
        message.createdAt = createdAt;
        return message;
    }
}
