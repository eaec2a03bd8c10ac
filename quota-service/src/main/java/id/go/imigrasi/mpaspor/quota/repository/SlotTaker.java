package id.go.imigrasi.mpaspor.quota.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.outbox.OutboxRow;
import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Places a batch of holds, of ANY slots, in ONE statement, which is its own transaction (autocommit: one round trip,
 * one commit). The statement
 * <ol>
 * <li>locks the capacity rows of the batch's slots that are bookable at all ({@code slot_bookable}, the one SQL
 * form of the rule: migration V50; its Java twin is {@link id.go.imigrasi.mpaspor.quota.domain.Capacity#bookability}),
 * <b>in key order</b> (office, date, service, session: {@code ORDER BY} before {@code FOR UPDATE}), on the latest
 * committed version ({@code FOR UPDATE} re-checks the conditions there). Every batch of every instance locks in the same
 * order, so two batches sharing slots wait for each other but never deadlock on capacity rows;</li>
 * <li>goes through each slot's requests in arrival order and grants each one for which the locked row, with the
 * places granted before it, is still {@code slot_bookable} (its places fit; an electronic passport request also
 * needs the date open to electronic passports);</li>
 * <li>adds those places to each slot's {@code held} (the CHECK {@code capacity_never_exceeded} stays the last line
 * of defence);</li>
 * <li>only then (the inserts wait for the whole UPDATE) inserts the granted holds, binds their NIKs (the unique
 * partial indexes refuse a second active slot of a NIK and a second active hold of an account: the whole statement
 * then fails and nothing of it remains) and inserts one SlotHeld outbox row per granted hold, built by the platform
 * ({@link id.go.imigrasi.mpaspor.platform.outbox.Outbox#row}, {@link OutboxRow#insertSql}).</li>
 * </ol>
 * Capacity is therefore decided by the database row locks, never by a JVM lock, whatever the number of requests
 * and slots per statement, statements at once and service instances.
 */
@ApplicationScoped
public class SlotTaker {

    /** A capacity row. */
    public record Slot(String office, LocalDate date, ServiceLine service, DaySession session) {
    }

    /**
     * One request of a batch: its hold id, account, slot, NIKs (comma separated), its SlotHeld outbox row, and
     * the client's idempotency key (or null) with the request's fingerprint, stored with the hold.
     */
    public record Request(UUID holdId, String accountId, Slot slot, PassportKind kind, int places, String niks,
            OutboxRow slotHeld, String idempotencyKey, String fingerprint) {
    }

    /**
     * What the statement did to one request: granted or not; if not, whether every NIK was known as an applicant of
     * one of the account's applications ({@code applicants}: if not, that is the reason) and whether its slot was
     * bookable for it (then it was full) or not at all (no such slot, not released yet, closed, closed to electronic
     * passports).
     */
    public record Taken(boolean granted, boolean slotBookable, boolean applicants) {
    }

    /** The first parameter of the SlotHeld outbox rows ({@link OutboxRow#insertSql}). */
    private static final int OUTBOX_ROWS = 14;

    /**
     * The hold statement. "Bookable" is {@code slot_bookable} (migration V50, the reasoning beside it), the same
     * predicate as every other statement's; the outbox rows are the platform's ({@link OutboxRow#insertSql}).
     */
    static final String TAKE_BATCH = "WITH RECURSIVE req AS MATERIALIZED (SELECT r.*,"
            + "   row_number() OVER (PARTITION BY office, date, service, session ORDER BY i) AS j,"
            // every NIK an applicant of one of the account's applications (application-service's projection)
            + "   (SELECT bool_and(EXISTS (SELECT 1 FROM applicant_nik a WHERE a.account_id = r.account"
            + "   AND a.nik = x.nik)) FROM unnest(string_to_array(r.niks, ',')) AS x(nik)) AS known"
            + " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[],"
            + "   $8::int[], $9::text[], $10::text[], $11::text[])"
            + "   WITH ORDINALITY AS r(id, account, office, date, service, session, kind, places, niks,"
            + "   idem_key, fingerprint, i)),"
            // the slots' rows that are bookable at all, locked in key order: batches sharing slots never deadlock
            + " cur AS MATERIALIZED (SELECT c.office_code, c.date, c.service, c.session, c AS slot FROM capacity c"
            + "   WHERE (c.office_code, c.date, c.service, c.session) IN"
            + "   (SELECT DISTINCT office, date, service, session FROM req)"
            + "   AND slot_bookable(c, 0, false)"
            + "   ORDER BY c.office_code, c.date, c.service, c.session FOR UPDATE OF c),"
            // per slot, in arrival order, each request gets its places if the slot is still bookable for them after
            // the ones granted before it (all slots advance together: as deep as the most requests of one slot)
            + " pick (office, date, service, session, j, used, ok) AS ("
            + "   SELECT office_code, date, service, session, CAST(0 AS bigint), CAST(0 AS bigint), false FROM cur"
            + "   UNION ALL SELECT p.office, p.date, p.service, p.session, r.j,"
            + "   p.used + CASE WHEN g.ok THEN r.places ELSE 0 END, g.ok"
            + "   FROM pick p JOIN req r ON r.office = p.office AND r.date = p.date AND r.service = p.service"
            + "   AND r.session = p.session AND r.j = p.j + 1"
            + "   JOIN cur c ON c.office_code = p.office AND c.date = p.date AND c.service = p.service"
            + "   AND c.session = p.session,"
            + "   LATERAL (SELECT r.known AND slot_bookable(c.slot, CAST(p.used + r.places AS integer),"
            + "   r.kind = 'ELECTRONIC') AS ok) g),"
            + " granted AS (SELECT r.* FROM req r JOIN pick p ON p.office = r.office AND p.date = r.date"
            + "   AND p.service = r.service AND p.session = r.session AND p.j = r.j AND p.ok),"
            + " take AS (UPDATE capacity c SET held = c.held + s.places"
            + "   FROM (SELECT office, date, service, session, sum(places) AS places FROM granted"
            + "   GROUP BY office, date, service, session) s"
            + "   WHERE c.office_code = s.office AND c.date = s.date AND c.service = s.service AND c.session = s.session"
            + "   RETURNING 1),"
            // the inserts wait for the whole UPDATE (an InitPlan), so every row is locked before any index entry
            + " h AS (INSERT INTO hold (id, account_id, office_code, date, service, session, passport_kind, size, niks,"
            + "   status, expires_at, created_at, idempotency_key, request_fingerprint)"
            + "   SELECT g.id, g.account, g.office, g.date, g.service, g.session, g.kind, g.places, g.niks, 'HELD', $12,"
            + "   $13, g.idem_key, g.fingerprint FROM granted g WHERE (SELECT count(*) FROM take) > 0 RETURNING id),"
            + " n AS (INSERT INTO hold_nik (hold_id, nik)"
            + "   SELECT g.id, x.nik FROM granted g, unnest(string_to_array(g.niks, ',')) AS x(nik)"
            + "   WHERE (SELECT count(*) FROM take) > 0),"
            // one SlotHeld per granted hold: the request's outbox row has the request's position
            + " o AS (" + OutboxRow.insertSql(OUTBOX_ROWS,
                    "e.i IN (SELECT i FROM granted) AND (SELECT count(*) FROM take) > 0") + ")"
            + " SELECT r.i, p.ok IS TRUE, COALESCE(slot_bookable(c.slot, 0, r.kind = 'ELECTRONIC'), false), r.known"
            + " FROM req r LEFT JOIN cur c ON c.office_code = r.office AND c.date = r.date AND c.service = r.service"
            + "   AND c.session = r.session"
            + " LEFT JOIN pick p ON p.office = r.office AND p.date = r.date AND p.service = r.service"
            + "   AND p.session = r.session AND p.j = r.j";

    /** Prints the hold statement (the pgbench baseline of load/bench/quota runs exactly what the service runs). */
    public static void main(String[] args) {
        System.out.println(TAKE_BATCH);
    }

    private final Pool pool;

    public SlotTaker(Pool pool) {
        this.pool = pool;
    }

    /** Places what fits of {@code requests} (in order within each slot); one answer per request, in order. */
    public Uni<List<Taken>> take(List<Request> requests, Instant createdAt, Instant expiresAt) {
        int n = requests.size();
        UUID[] ids = new UUID[n];
        String[] accounts = new String[n];
        String[] offices = new String[n];
        LocalDate[] dates = new LocalDate[n];
        String[] services = new String[n];
        String[] sessions = new String[n];
        String[] kinds = new String[n];
        Integer[] places = new Integer[n];
        String[] niks = new String[n];
        List<OutboxRow> slotHeld = new ArrayList<>(n);
        String[] keys = new String[n];
        String[] fingerprints = new String[n];
        for (int i = 0; i < n; i++) {
            Request r = requests.get(i);
            ids[i] = r.holdId();
            accounts[i] = r.accountId();
            offices[i] = r.slot().office();
            dates[i] = r.slot().date();
            services[i] = r.slot().service().name();
            sessions[i] = r.slot().session().name();
            kinds[i] = r.kind().name();
            places[i] = r.places();
            niks[i] = r.niks();
            slotHeld.add(r.slotHeld());
            keys[i] = r.idempotencyKey();
            fingerprints[i] = r.fingerprint();
        }
        List<Object> params = new ArrayList<>(OUTBOX_ROWS - 1 + OutboxRow.PARAMETERS);
        params.addAll(List.of(ids, accounts, offices, dates, services, sessions, kinds, places, niks, keys,
                fingerprints, utc(expiresAt), utc(createdAt)));
        params.addAll(OutboxRow.parameters(slotHeld));
        return pool.preparedQuery(TAKE_BATCH).execute(Tuple.tuple(params)).map(rows -> {
            Map<Long, Taken> byIndex = new HashMap<>(n * 2);
            for (Row row : rows) {
                byIndex.put(row.getLong(0), new Taken(row.getBoolean(1), row.getBoolean(2),
                        Boolean.TRUE.equals(row.getBoolean(3))));
            }
            Taken[] answers = new Taken[n];
            for (int i = 0; i < n; i++) {
                answers[i] = byIndex.get((long) i + 1);
            }
            return List.of(answers);
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
