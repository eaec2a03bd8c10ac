package id.go.imigrasi.mpaspor.quota.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Places holds of ONE slot in ONE statement, which is its own transaction (autocommit: one round trip, one
 * commit). The statement
 * <ol>
 * <li>locks the capacity row if the slot is open, released and (for electronic passports) not closed to them, and
 * reads its free places on the latest committed version ({@code FOR UPDATE} re-checks the conditions there);</li>
 * <li>goes through the requests in arrival order and grants each one whose places still fit;</li>
 * <li>adds those places to {@code held} (the CHECK {@code capacity_never_exceeded} stays the last line of
 * defence);</li>
 * <li>inserts the granted holds, binds their NIKs (the unique partial indexes refuse a second active slot of a NIK
 * and a second active hold of an account: the whole statement then fails and nothing of it remains) and writes
 * one SlotHeld outbox row per granted hold.</li>
 * </ol>
 * Capacity is therefore decided by the database row lock, never by a JVM lock, whatever the number of requests
 * per statement, statements at once and service instances. The inserts read the UPDATE's result, so the row is
 * locked before any index entry is written.
 */
@ApplicationScoped
public class SlotTaker {

    /** One request of a batch: its hold id, account, NIKs (comma separated), outbox event id and JSON payload. */
    public record Request(UUID holdId, String accountId, int places, String niks, UUID eventId, String payload) {
    }

    /** The slot and what every hold of the batch shares. */
    public record Slot(String office, LocalDate date, ServiceLine service, DaySession session, PassportKind kind) {
    }

    /**
     * What the statement did: the holds it granted, and the places that were free before it, or null when the slot
     * was not bookable at all (no such slot, not released yet, closed, closed to electronic passports).
     */
    public record Taken(Set<UUID> granted, Integer freeBefore) {
    }

    /** The outbox columns every SlotHeld row shares. */
    public record Event(String type, String topic, String source) {
    }

    static final String TAKE_BATCH = "WITH RECURSIVE req AS ("
            + " SELECT * FROM unnest($6::uuid[], $7::text[], $8::int[], $9::text[], $10::uuid[], $11::text[])"
            + "   WITH ORDINALITY AS r(id, account, places, niks, event_id, payload, i)),"
            + " cur AS (SELECT capacity - held AS free FROM capacity"
            + "   WHERE office_code = $1 AND date = $2 AND service = $3 AND session = $4"
            + "   AND NOT closed AND release_at <= now() AND (NOT $5 OR NOT e_passport_closed) FOR UPDATE),"
            // in arrival order, each request gets its places if they still fit after the ones granted before it
            + " pick (i, used, ok) AS (SELECT CAST(0 AS bigint), CAST(0 AS bigint), false"
            + "   UNION ALL SELECT r.i, p.used + CASE WHEN p.used + r.places <= c.free THEN r.places ELSE 0 END,"
            + "   p.used + r.places <= c.free FROM pick p JOIN req r ON r.i = p.i + 1 CROSS JOIN cur c),"
            + " granted AS (SELECT req.* FROM req JOIN pick ON pick.i = req.i AND pick.ok),"
            + " take AS (UPDATE capacity SET held = held + (SELECT sum(places) FROM granted)"
            + "   WHERE office_code = $1 AND date = $2 AND service = $3 AND session = $4"
            + "   AND EXISTS (SELECT 1 FROM granted) RETURNING held),"
            + " h AS (INSERT INTO hold (id, account_id, office_code, date, service, session, passport_kind, size, niks,"
            + "   status, expires_at, created_at)"
            + "   SELECT g.id, g.account, $1, $2, $3, $4, $12, g.places, g.niks, 'HELD', $13, $14 FROM granted g, take"
            + "   RETURNING id),"
            + " n AS (INSERT INTO hold_nik (hold_id, nik)"
            + "   SELECT g.id, x.nik FROM granted g, take, unnest(string_to_array(g.niks, ',')) AS x(nik)),"
            + " o AS (INSERT INTO outbox (id, aggregate_id, type, topic, source, payload, created_at)"
            + "   SELECT g.event_id, CAST(g.id AS text), $15, $16, $17, g.payload, $14 FROM granted g, take)"
            + " SELECT (SELECT array_agg(id) FROM h), (SELECT free FROM cur)";

    private final Pool pool;

    public SlotTaker(Pool pool) {
        this.pool = pool;
    }

    /** Places what fits of {@code requests} (in order). */
    public Uni<Taken> take(Slot slot, List<Request> requests, Instant createdAt, Instant expiresAt, Event event) {
        int n = requests.size();
        UUID[] ids = new UUID[n];
        String[] accounts = new String[n];
        Integer[] places = new Integer[n];
        String[] niks = new String[n];
        UUID[] eventIds = new UUID[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Request r = requests.get(i);
            ids[i] = r.holdId();
            accounts[i] = r.accountId();
            places[i] = r.places();
            niks[i] = r.niks();
            eventIds[i] = r.eventId();
            payloads[i] = r.payload();
        }
        Tuple params = Tuple.tuple(List.of(slot.office(), slot.date(), slot.service().name(), slot.session().name(),
                slot.kind() == PassportKind.ELECTRONIC, ids, accounts, places, niks, eventIds, payloads,
                slot.kind().name(), utc(expiresAt), utc(createdAt), event.type(), event.topic(), event.source()));
        return pool.preparedQuery(TAKE_BATCH).execute(params).map(rows -> {
            Row row = rows.iterator().next();
            UUID[] taken = row.getArrayOfUUIDs(0);
            return new Taken(taken == null ? Set.of() : new HashSet<>(Arrays.asList(taken)), row.getInteger(1));
        });
    }

    /** The zone id of an office, or null when there is no such office. */
    public Uni<String> zoneOf(String office) {
        return pool.preparedQuery("SELECT zone_id FROM office WHERE code = $1").execute(Tuple.of(office))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
