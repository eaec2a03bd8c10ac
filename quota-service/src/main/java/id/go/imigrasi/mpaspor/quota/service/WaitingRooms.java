package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.repository.WaitingRoomRepository;
import id.go.imigrasi.mpaspor.quota.repository.WaitingRoomRepository.Room;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * What this instance knows of the waiting rooms: a copy of the {@code waiting_room} rows (open, or closed within the
 * last hour), read again every {@code waiting-room.poll-interval} (200 ms) by {@code WaitingRoomJobs}. The rows are
 * the truth, written only by the admission leader; every instance reads the same rows, so instances agree on
 * "admitted up to N", the places left and the sold-out moment within one poll. Position checks, hold passes and the
 * hold gate read this copy, never the database. It also counts, less often, the people still in line for the
 * {@code mpaspor_quota_waiting_room_in_line} gauge (ops: the console and the release-morning dashboard).
 */
@ApplicationScoped
public class WaitingRooms {

    private static final Duration KEPT_AFTER_CLOSE = Duration.ofHours(1);

    private final WaitingRoomRepository repository;
    private final Clock clock;
    private volatile Map<UUID, Room> rooms = Map.of();
    private volatile long version;
    private final AtomicLong inLine = new AtomicLong();

    public WaitingRooms(WaitingRoomRepository repository, Clock clock, MeterRegistry registry) {
        this.repository = repository;
        this.clock = clock;
        Gauge.builder("mpaspor.quota.waiting.room.in.line", inLine, AtomicLong::get).strongReference(true)
                .description("People waiting in the open waiting rooms, not admitted yet (pre-queue included),"
                        + " as last counted")
                .register(registry);
    }

    /** Counts the people waiting, not admitted yet, for the gauge (every {@code line-count-interval}). */
    public Uni<Void> countInLine() {
        return repository.inLine(clock.instant())
                .invoke(perOffice -> inLine.set(perOffice.values().stream().mapToLong(Long::longValue).sum()))
                .replaceWithVoid();
    }

    /** Reads the rooms again (the poll). */
    public Uni<Void> refresh() {
        return repository.rooms(clock.instant().minus(KEPT_AFTER_CLOSE)).invoke(list -> {
            Map<UUID, Room> fresh = new HashMap<>();
            list.forEach(room -> fresh.put(room.releaseId(), room));
            if (!fresh.equals(rooms)) {
                rooms = Map.copyOf(fresh);
                version++;
            }
        }).replaceWithVoid();
    }

    public Optional<Room> room(UUID releaseId) {
        return Optional.ofNullable(rooms.get(releaseId));
    }

    /** The rooms of an office, by release time. */
    public java.util.List<Room> ofOffice(String officeCode) {
        return rooms.values().stream().filter(room -> room.officeCode().equalsIgnoreCase(officeCode))
                .sorted(java.util.Comparator.comparing(Room::releaseAt)).toList();
    }

    /** Changes whenever a room's row changed: the Server-Sent Events streams push only then. */
    public long version() {
        return version;
    }

    /**
     * The room whose hold pass a hold at {@code office} on {@code date} needs at {@code now}: the release's dates,
     * from {@code releaseAt} until its window ends or it sells out. Empty: no pass needed.
     */
    public Optional<Room> passRequired(String office, LocalDate date, Instant now) {
        for (Room room : rooms.values()) {
            if (room.officeCode().equals(office) && !date.isBefore(room.fromDate()) && !date.isAfter(room.toDate())
                    && !now.isBefore(room.releaseAt()) && now.isBefore(room.closesAt()) && room.soldOutAt() == null) {
                return Optional.of(room);
            }
        }
        return Optional.empty();
    }
}
