package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.domain.Capacity;
import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.Office;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import id.go.imigrasi.mpaspor.quota.domain.SlotStatus;
import id.go.imigrasi.mpaspor.quota.repository.CapacityRepository;
import id.go.imigrasi.mpaspor.quota.repository.OfficeRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The calendar read path, built to stay cheap when everyone opens the calendar at the release: an answer is kept
 * in memory for {@code mpaspor.quota.calendar-cache-ttl} (1 s by default) and concurrent requests for the same
 * calendar share one database read (single flight). The calendar may therefore lag by up to the TTL; holds never
 * read it, they decide on the capacity row itself.
 */
@ApplicationScoped
public class CalendarService {

    private static final int MAX_ENTRIES = 10_000;

    private record Key(String office, ServiceLine service, PassportKind kind, LocalDate from, LocalDate to) {
    }

    private record Entry(Uni<Calendar> calendar, long freshUntilNanos) {
        boolean fresh(long now) {
            return freshUntilNanos - now > 0;
        }
    }

    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();
    private final OfficeRepository offices;
    private final CapacityRepository capacities;
    private final QuotaConfig config;
    private final Clock clock;

    public CalendarService(OfficeRepository offices, CapacityRepository capacities, QuotaConfig config, Clock clock) {
        this.offices = offices;
        this.capacities = capacities;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Calendar> calendar(String officeCode, ServiceLine service, PassportKind kind, LocalDate from,
            LocalDate to) {
        Key key = new Key(officeCode, service, kind, from, to);
        long now = System.nanoTime();
        Entry entry = cache.compute(key, (k, old) -> old != null && old.fresh(now) ? old
                : new Entry(load(k), now + config.calendarCacheTtl().toNanos()));
        if (cache.size() > MAX_ENTRIES) {
            cache.entrySet().removeIf(e -> !e.getValue().fresh(now));
        }
        return entry.calendar().onFailure().invoke(() -> cache.remove(key, entry));
    }

    /** The office's local today, for default ranges. */
    public Uni<Office> office(String officeCode) {
        return Panache.withSession(() -> offices.findById(officeCode))
                .onItem().ifNull().failWith(() -> ProblemException.of(QuotaProblem.OFFICE_NOT_FOUND, officeCode));
    }

    /**
     * One load shared by every request for the key (single flight). The session is opened when the load is
     * subscribed, on the subscriber's Vert.x context: {@code Panache.withSession} binds the session to the context
     * current when it is called, and a memoized load built in one request's context can be subscribed from another's
     * (CI of 2026-12-05: "No current Mutiny.Session found" under the calendar spike).
     */
    private Uni<Calendar> load(Key key) {
        return Uni.createFrom().deferred(() -> Panache.withSession(() -> offices.findById(key.office())
                .onItem().ifNull().failWith(() -> ProblemException.of(QuotaProblem.OFFICE_NOT_FOUND, key.office()))
                .chain(office -> capacities.range(office.code, key.service(), key.from(), key.to())
                        .map(rows -> build(office, key, rows)))))
                .memoize().indefinitely();
    }

    private Calendar build(Office office, Key key, List<Capacity> rows) {
        Instant now = clock.instant();
        LocalDate earliest = office.today(clock).plusDays(config.bookingLeadDays());
        Map<LocalDate, Map<DaySession, Capacity>> byDate = new HashMap<>();
        for (Capacity row : rows) {
            byDate.computeIfAbsent(row.slotDate, d -> new HashMap<>()).put(row.slotSession, row);
        }
        List<Calendar.Day> days = new ArrayList<>();
        for (LocalDate date = key.from(); !date.isAfter(key.to()); date = date.plusDays(1)) {
            List<Calendar.Session> sessions = new ArrayList<>();
            for (DaySession session : DaySession.values()) {
                Capacity row = byDate.getOrDefault(date, Map.of()).get(session);
                sessions.add(session(row, session, date, earliest, key.kind(), now));
            }
            days.add(new Calendar.Day(date, sessions));
        }
        return new Calendar(office.code, key.service(), key.kind(), key.from(), key.to(), now, days);
    }

    private static Calendar.Session session(Capacity row, DaySession session, LocalDate date, LocalDate earliest,
            PassportKind kind, Instant now) {
        if (row == null) {
            return new Calendar.Session(session, 0, 0, SlotStatus.NOT_RELEASED, null);
        }
        Capacity.Bookability one = row.bookability(1, kind == PassportKind.ELECTRONIC, now);
        if (one == Capacity.Bookability.NOT_RELEASED) {
            return new Calendar.Session(session, row.capacity, 0, SlotStatus.NOT_RELEASED, row.releaseAt);
        }
        if (one == Capacity.Bookability.CLOSED || one == Capacity.Bookability.E_PASSPORT_CLOSED
                || date.isBefore(earliest)) {
            return new Calendar.Session(session, row.capacity, 0, SlotStatus.CLOSED, null);
        }
        return new Calendar.Session(session, row.capacity, row.remaining(),
                one == Capacity.Bookability.BOOKABLE ? SlotStatus.AVAILABLE : SlotStatus.FULL, null);
    }
}
