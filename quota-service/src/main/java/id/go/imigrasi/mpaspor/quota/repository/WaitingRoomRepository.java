package id.go.imigrasi.mpaspor.quota.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The waiting rooms' tables ({@code waiting_room}, {@code waiting_room_entry}), through the reactive client: the
 * rooms' shared state every instance polls, an account's join (one place per account and release: the primary key),
 * and the statements the admission leader runs inside its transaction ({@link Leader}).
 */
@ApplicationScoped
public class WaitingRoomRepository {

    /** One room as every instance sees it. */
    public record Room(UUID releaseId, String officeCode, LocalDate fromDate, LocalDate toDate, Instant opensAt,
            Instant releaseAt, Instant closesAt, Instant openedAt, Instant shuffledAt, long preQueueSize,
            long lastPosition, long admittedUpTo, double admitRate, Integer placesLeft, Instant soldOutAt,
            Instant nextReleaseAt, Instant updatedAt) {
    }

    /** Places left at a release, and admitted people still expected to hold one, as of one snapshot. */
    public record Seats(int placesLeft, long outstanding) {
    }

    /** An account's place: its position (null while the pre-queue is not shuffled) and when it joined. */
    public record Entry(Long position, Instant joinedAt) {
    }

    static final String ROOM_COLUMNS = "release_id, office_code, from_date, to_date, opens_at, release_at, closes_at,"
            + " opened_at, shuffled_at, pre_queue_size, last_position, admitted_up_to, admit_rate, places_left,"
            + " sold_out_at, next_release_at, updated_at";

    private final Pool pool;

    public WaitingRoomRepository(Pool pool) {
        this.pool = pool;
    }

    /** The rooms not closed before {@code since}: what the instances keep in memory between two polls. */
    public Uni<List<Room>> rooms(Instant since) {
        return pool.preparedQuery("SELECT " + ROOM_COLUMNS + " FROM waiting_room WHERE closes_at > $1")
                .execute(Tuple.of(at(since))).map(WaitingRoomRepository::rooms);
    }

    /**
     * Per office, how many people wait in its open rooms (not closed, not sold out) without being admitted yet: a
     * shuffled room's positions beyond "admitted up to", an unshuffled room's pre-queue (counted on its partial
     * index). Offices without an open room are absent.
     */
    public Uni<Map<String, Long>> inLine(Instant now) {
        return pool.preparedQuery("SELECT r.office_code, coalesce(sum(CASE WHEN r.shuffled_at IS NULL THEN (SELECT"
                + " count(*) FROM waiting_room_entry e WHERE e.release_id = r.release_id AND e.position IS NULL)"
                + " ELSE r.last_position - r.admitted_up_to END), 0) FROM waiting_room r"
                + " WHERE r.closes_at > $1 AND r.sold_out_at IS NULL GROUP BY r.office_code").execute(Tuple.of(at(now)))
                .map(rows -> {
                    Map<String, Long> out = new java.util.TreeMap<>();
                    rows.forEach(row -> out.put(row.getString(0), row.getLong(1)));
                    return out;
                });
    }

    /**
     * The pre-queue's order once it is shuffled: the accounts at positions 1..pre_queue_size, in position order; null
     * while the room is not shuffled (or there is no such room). One index range scan on (release_id, position).
     */
    public Uni<List<String>> draw(UUID releaseId) {
        return pool.preparedQuery("SELECT pre_queue_size FROM waiting_room WHERE release_id = $1 AND shuffled_at IS NOT NULL")
                .execute(Tuple.of(releaseId)).chain(rooms -> {
                    if (rooms.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    long size = rooms.iterator().next().getLong(0);
                    return pool.preparedQuery("SELECT account_id FROM waiting_room_entry WHERE release_id = $1"
                            + " AND position BETWEEN 1 AND $2 ORDER BY position").execute(Tuple.of(releaseId, size))
                            .map(rows -> {
                                List<String> order = new ArrayList<>(rows.size());
                                rows.forEach(row -> order.add(row.getString(0)));
                                return order;
                            });
                });
    }

    /** The account's place in the room, if it joined. */
    public Uni<Entry> entryOf(UUID releaseId, String accountId) {
        return pool.preparedQuery("SELECT position, joined_at FROM waiting_room_entry WHERE release_id = $1"
                + " AND account_id = $2").execute(Tuple.of(releaseId, accountId))
                .map(rows -> rows.size() == 0 ? null : entry(rows.iterator().next()));
    }

    /**
     * Joins the account, or returns its place if it joined before (also when two joins of it race: the insert of the
     * second does nothing and it reads the first one's place). A join is one insert and takes no position: the
     * leader gives positions each tick (the pre-queue shuffled at {@code releaseAt}, later joins in join order). A
     * join that took the next position itself updated the room's one row: every join of a release queued on that
     * row and on the leader's lock of it, and joins took 120 ms on average under the 2026-12-05 benchmark's crowd.
     */
    public Uni<Entry> join(UUID releaseId, String accountId, Instant now) {
        return pool.preparedQuery("INSERT INTO waiting_room_entry (release_id, account_id, joined_at) VALUES ($1, $2, $3)"
                + " ON CONFLICT (release_id, account_id) DO NOTHING").execute(Tuple.of(releaseId, accountId, at(now)))
                .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().item(new Entry(null, now))
                        : entryOf(releaseId, accountId));
    }

    /** Runs the leader's work in one transaction, if this instance wins the advisory lock; otherwise does nothing. */
    public Uni<Boolean> asLeader(long lockKey, java.util.function.Function<Leader, Uni<Void>> work) {
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(lockKey))
                .chain(rows -> rows.iterator().next().getBoolean(0)
                        ? work.apply(new Leader(conn)).replaceWith(true)
                        : Uni.createFrom().item(false)));
    }

    /** The statements of the admission leader, all in its transaction (which holds the advisory lock). */
    public static final class Leader {

        private final SqlConnection conn;

        Leader(SqlConnection conn) {
            this.conn = conn;
        }

        /** Creates the room of every future release that has none. */
        public Uni<Integer> createRooms(Instant now, long opensBeforeSeconds, long windowSeconds) {
            return conn.preparedQuery("INSERT INTO waiting_room (release_id, office_code, from_date, to_date, opens_at,"
                    + " release_at, closes_at) SELECT r.id, r.office_code, r.from_date, r.to_date,"
                    + " r.release_at - make_interval(secs => $2), r.release_at, r.release_at + make_interval(secs => $3)"
                    + " FROM quota_release r WHERE r.release_at > $1"
                    + " AND NOT EXISTS (SELECT 1 FROM waiting_room w WHERE w.release_id = r.id)")
                    .execute(Tuple.of(at(now), (double) opensBeforeSeconds, (double) windowSeconds))
                    .map(RowSet::rowCount);
        }

        /** The rooms the leader acts on (open, not sold out, window not over), locked until its commit. */
        public Uni<List<Room>> lockActive(Instant now) {
            return conn.preparedQuery("SELECT " + ROOM_COLUMNS + " FROM waiting_room WHERE opens_at <= $1"
                    + " AND closes_at > $1 AND sold_out_at IS NULL ORDER BY release_id FOR UPDATE")
                    .execute(Tuple.of(at(now))).map(WaitingRoomRepository::rooms);
        }

        public Uni<Void> markOpened(UUID releaseId, Instant now) {
            return conn.preparedQuery("UPDATE waiting_room SET opened_at = $2 WHERE release_id = $1")
                    .execute(Tuple.of(releaseId, at(now))).replaceWithVoid();
        }

        /** Accounts without a position: joined before {@code releaseAt} (the pre-queue), then the others by join time. */
        public Uni<List<String>> unplaced(UUID releaseId, Instant releaseAt, boolean preQueue) {
            return conn.preparedQuery("SELECT account_id FROM waiting_room_entry WHERE release_id = $1"
                    + " AND position IS NULL AND (joined_at < $2) = $3 ORDER BY joined_at, account_id")
                    .execute(Tuple.of(releaseId, at(releaseAt), preQueue))
                    .map(rows -> {
                        List<String> ids = new ArrayList<>(rows.size());
                        rows.forEach(row -> ids.add(row.getString(0)));
                        return ids;
                    });
        }

        /** Gives {@code accounts} the positions {@code first, first + 1, ...} in list order. */
        public Uni<Void> place(UUID releaseId, List<String> accounts, long first) {
            if (accounts.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Long[] positions = new Long[accounts.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = first + i;
            }
            return conn.preparedQuery("UPDATE waiting_room_entry e SET position = v.position"
                    + " FROM unnest($2::text[], $3::bigint[]) AS v(account_id, position)"
                    + " WHERE e.release_id = $1 AND e.account_id = v.account_id")
                    .execute(Tuple.of(releaseId, accounts.toArray(String[]::new), positions)).replaceWithVoid();
        }

        public Uni<Void> shuffled(UUID releaseId, Instant now, long preQueueSize, long lastPosition) {
            return conn.preparedQuery("UPDATE waiting_room SET shuffled_at = $2, pre_queue_size = $3,"
                    + " last_position = $4, updated_at = $2 WHERE release_id = $1")
                    .execute(Tuple.of(releaseId, at(now), preQueueSize, lastPosition)).replaceWithVoid();
        }

        public Uni<Void> appended(UUID releaseId, long lastPosition) {
            return conn.preparedQuery("UPDATE waiting_room SET last_position = $2 WHERE release_id = $1")
                    .execute(Tuple.of(releaseId, lastPosition)).replaceWithVoid();
        }

        /** Places still free in the release's slots bookable online (open dates, regular and same-day lines). */
        /**
         * The places left at the release's office and the admitted people still expected to hold: admitted since
         * {@code claimedSince} and without an active hold at the office placed since {@code releaseAt}. One
         * statement, so one snapshot: read in two, a hold committing between them was missing from the places and
         * from the people expected to hold at once, and one person too many was admitted (seen in CI, 2026-12-04).
         */
        public Uni<Seats> seats(Room room, Instant claimedSince) {
            return conn.preparedQuery("SELECT (SELECT COALESCE(sum(capacity - held), 0) FROM capacity"
                    + " WHERE release_id = $1 AND NOT closed AND service IN ('REGULAR', 'SAME_DAY')),"
                    + " (SELECT count(*) FROM waiting_room_entry e WHERE e.release_id = $1 AND e.admitted_at > $2"
                    + " AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.account_id = e.account_id"
                    + " AND h.status IN ('HELD', 'BOOKED') AND h.office_code = $3 AND h.created_at >= $4))")
                    .execute(Tuple.of(room.releaseId(), at(claimedSince), room.officeCode(), at(room.releaseAt())))
                    .map(rows -> {
                        Row row = rows.iterator().next();
                        return new Seats(row.getLong(0).intValue(), row.getLong(1));
                    });
        }

        /** Admits positions {@code from..to}: returns their holders in position order. */
        public Uni<List<String>> admit(UUID releaseId, long from, long to, Instant now, double rate, int placesLeft) {
            return conn.preparedQuery("UPDATE waiting_room_entry SET admitted_at = $4 WHERE release_id = $1"
                    + " AND position BETWEEN $2 AND $3 RETURNING account_id, position")
                    .execute(Tuple.of(releaseId, from, to, at(now)))
                    .map(rows -> {
                        List<Object[]> placed = new ArrayList<>();
                        rows.forEach(row -> placed.add(new Object[] { row.getLong(1), row.getString(0) }));
                        placed.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
                        return placed.stream().map(p -> (String) p[1]).toList();
                    })
                    .call(() -> conn.preparedQuery("UPDATE waiting_room SET admitted_up_to = $2, admit_rate = $3,"
                            + " places_left = $4, updated_at = $5 WHERE release_id = $1")
                            .execute(Tuple.of(releaseId, to, rate, placesLeft, at(now))));
        }

        public Uni<Void> progress(UUID releaseId, Instant now, double rate, int placesLeft) {
            return conn.preparedQuery("UPDATE waiting_room SET admit_rate = $2, places_left = $3, updated_at = $4"
                    + " WHERE release_id = $1").execute(Tuple.of(releaseId, rate, placesLeft, at(now))).replaceWithVoid();
        }

        /** Marks the room sold out; returns the office's next release after this one (null if none is planned). */
        public Uni<Instant> soldOut(Room room, Instant now) {
            return conn.preparedQuery("UPDATE waiting_room SET sold_out_at = $2, places_left = 0, updated_at = $2,"
                    + " next_release_at = (SELECT min(r.release_at) FROM quota_release r WHERE r.office_code = $3"
                    + " AND r.release_at > $4) WHERE release_id = $1 RETURNING next_release_at")
                    .execute(Tuple.of(room.releaseId(), at(now), room.officeCode(), at(room.releaseAt())))
                    .map(rows -> instant(rows.iterator().next().getOffsetDateTime(0)));
        }

        /** Appends an event to the outbox in the leader's transaction (the relay is woken on commit). */
        public Uni<Void> outbox(UUID id, String aggregateId, String type, String topic, String source, String payload,
                Instant now) {
            return conn.preparedQuery("INSERT INTO outbox (id, aggregate_id, type, topic, source, payload, created_at)"
                    + " VALUES ($1, $2, $3, $4, $5, $6, $7)")
                    .execute(Tuple.from(List.of(id, aggregateId, type, topic, source, payload, at(now)))).replaceWithVoid();
        }
    }

    private static List<Room> rooms(RowSet<Row> rows) {
        List<Room> rooms = new ArrayList<>(rows.size());
        for (Row r : rows) {
            rooms.add(new Room(r.getUUID(0), r.getString(1), r.getLocalDate(2), r.getLocalDate(3),
                    instant(r.getOffsetDateTime(4)), instant(r.getOffsetDateTime(5)), instant(r.getOffsetDateTime(6)),
                    instant(r.getOffsetDateTime(7)), instant(r.getOffsetDateTime(8)),
                    r.getLong(9) == null ? 0 : r.getLong(9), r.getLong(10), r.getLong(11), r.getDouble(12),
                    r.getInteger(13), instant(r.getOffsetDateTime(14)), instant(r.getOffsetDateTime(15)),
                    instant(r.getOffsetDateTime(16))));
        }
        return rooms;
    }

    private static Entry entry(Row row) {
        return new Entry(row.getLong(0), instant(row.getOffsetDateTime(1)));
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
