package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.contracts.quota.PositionsAdmitted;
import id.go.imigrasi.mpaspor.contracts.quota.QueueOpened;
import id.go.imigrasi.mpaspor.contracts.quota.ReleaseSoldOut;
import id.go.imigrasi.mpaspor.platform.events.CloudEvents;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.repository.WaitingRoomRepository;
import id.go.imigrasi.mpaspor.quota.repository.WaitingRoomRepository.Leader;
import id.go.imigrasi.mpaspor.quota.repository.WaitingRoomRepository.Room;
import io.smallrye.mutiny.Uni;

/**
 * The admission rule of the waiting rooms, run by one leader at a time: every instance tries each
 * {@code waiting-room.leader-interval} to take a PostgreSQL advisory lock for one transaction
 * ({@code pg_try_advisory_xact_lock}); the one that gets it, and only it, changes the rooms in that transaction:
 * <ol>
 * <li>creates the room of every future release (opens {@code opens-before} its {@code releaseAt}) and writes
 * {@code QueueOpened} when it opens;</li>
 * <li>at {@code releaseAt}, shuffles the pre-queue ({@link QueueShuffle}, Fisher–Yates over a SecureRandom) into
 * positions 1..n; anyone who joined from {@code releaseAt} on (or whose join committed while the shuffle ran) gets the
 * next positions in join order;</li>
 * <li>admits positions as fast as this service places holds within its latency target: at most the hold limit that
 * {@link HoldAdmission} adapts to the latency target per target latency per second, and at most
 * {@code max-admit-per-second}; and only while the admitted people still expected to hold (admitted within
 * {@code notice-window}, no hold yet) are fewer than the places left, so nobody is admitted for nothing and a
 * no-show holds the line up for {@code notice-window} at most (they keep their right to claim until
 * {@code claim-window}); writes {@code PositionsAdmitted};</li>
 * <li>once no place is left, marks the room sold out (with the office's next release) and writes
 * {@code ReleaseSoldOut}: every instance shows it to everyone still waiting at its next poll.</li>
 * </ol>
 * Admission never decides capacity: the hold statement does. It only decides who may try.
 */
@ApplicationScoped
public class WaitingRoomAdmission {

    /** The advisory lock key of the waiting-room leader ("WAITROOM" in ASCII, below 2^63). */
    static final long LEADER_LOCK = 0x57414954524f4fL;
    private static final Logger LOG = Logger.getLogger(WaitingRoomAdmission.class);

    private final WaitingRoomRepository repository;
    private final HoldAdmission holdAdmission;
    private final QuotaConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final String source;
    private final QueueShuffle shuffle = new QueueShuffle();

    public WaitingRoomAdmission(WaitingRoomRepository repository, HoldAdmission holdAdmission, QuotaConfig config,
            Clock clock, ObjectMapper json, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.repository = repository;
        this.holdAdmission = holdAdmission;
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.source = CloudEvents.sourceOf(applicationName);
    }

    /** One leader tick; true if this instance was the leader. */
    public Uni<Boolean> tick() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        QuotaConfig.WaitingRoom policy = config.waitingRoom();
        return repository.asLeader(LEADER_LOCK, leader -> (policy.enabled()
                ? leader.createRooms(now, policy.opensBefore().toSeconds(), policy.window().toSeconds())
                : Uni.createFrom().item(0))
                .chain(() -> leader.lockActive(now))
                .chain(rooms -> Sequentially.each(rooms, room -> step(leader, room, now)).replaceWithVoid()));
    }

    private Uni<Void> step(Leader leader, Room room, Instant now) {
        Uni<Void> opened = room.openedAt() != null ? Uni.createFrom().voidItem()
                : leader.markOpened(room.releaseId(), now).chain(() -> publish(leader, new QueueOpened(
                        room.releaseId().toString(), room.officeCode(), room.fromDate(), room.toDate(), room.opensAt(),
                        room.releaseAt(), room.closesAt()), now));
        if (now.isBefore(room.releaseAt())) {
            return opened;
        }
        return opened.chain(() -> order(leader, room, now)).chain(last -> admit(leader, room, last, now));
    }

    /** Shuffles the pre-queue once, then appends whoever has no position yet; returns the last position. */
    private Uni<Long> order(Leader leader, Room room, Instant now) {
        if (room.shuffledAt() == null) {
            return leader.unplaced(room.releaseId(), room.releaseAt(), true)
                    .chain(preQueue -> {
                        List<String> order = shuffle.shuffle(preQueue);
                        return leader.place(room.releaseId(), order, 1)
                                .chain(() -> leader.unplaced(room.releaseId(), room.releaseAt(), false))
                                .chain(late -> leader.place(room.releaseId(), late, order.size() + 1L)
                                        .chain(() -> leader.shuffled(room.releaseId(), now, order.size(),
                                                order.size() + (long) late.size()))
                                        .invoke(() -> LOG.infof("waiting room %s: pre-queue of %d shuffled, %d after it",
                                                room.releaseId(), order.size(), late.size()))
                                        .replaceWith(order.size() + (long) late.size()));
                    });
        }
        return leader.unplaced(room.releaseId(), room.releaseAt(), true)
                .chain(early -> leader.unplaced(room.releaseId(), room.releaseAt(), false)
                        .map(late -> {
                            java.util.ArrayList<String> all = new java.util.ArrayList<>(early);
                            all.addAll(late);
                            return all;
                        }))
                .chain(unplaced -> unplaced.isEmpty() ? Uni.createFrom().item(room.lastPosition())
                        : leader.place(room.releaseId(), unplaced, room.lastPosition() + 1)
                                .chain(() -> leader.appended(room.releaseId(), room.lastPosition() + unplaced.size()))
                                .replaceWith(room.lastPosition() + unplaced.size()));
    }

    private Uni<Void> admit(Leader leader, Room room, long lastPosition, Instant now) {
        QuotaConfig.WaitingRoom policy = config.waitingRoom();
        Duration notice = policy.noticeWindow().compareTo(policy.claimWindow()) < 0 ? policy.noticeWindow()
                : policy.claimWindow();
        return leader.seats(room, now.minus(notice)).chain(seats -> {
            int placesLeft = seats.placesLeft();
            if (placesLeft <= 0) {
                return leader.soldOut(room, now).chain(next -> publish(leader, new ReleaseSoldOut(
                        room.releaseId().toString(), room.officeCode(), now,
                        Math.max(0, lastPosition - room.admittedUpTo()), next), now))
                        .invoke(() -> LOG.infof("waiting room %s: sold out, %d still waiting", room.releaseId(),
                                lastPosition - room.admittedUpTo()));
            }
            int limit = holdAdmission.limit();
            // never more people expected to hold than places left; the hold limit paces the rate below, not the
            // depth: an admitted person notices at their next poll (up to 15 s away), so a depth of `limit` made
            // admission crawl at limit / 15 s (the 2026-12-04 benchmark: 319 of 450 places in 10 min)
            long free = placesLeft - seats.outstanding();
            double elapsed = room.updatedAt() == null ? 0.25
                    : Math.max(0.05, Math.min(2.0, Duration.between(room.updatedAt(), now).toNanos() / 1e9));
            Duration target = config.admission().targetLatency();
            double perSecond = target.isZero() ? policy.maxAdmitPerSecond()
                    : Math.min(policy.maxAdmitPerSecond(), limit / (target.toNanos() / 1e9));
            long step = Math.max(1, (long) Math.ceil(perSecond * elapsed));
            long to = Math.min(lastPosition, room.admittedUpTo() + Math.min(step, Math.max(0, free)));
            long admitted = to - room.admittedUpTo();
            double rate = 0.7 * room.admitRate() + 0.3 * (admitted / elapsed);
            if (admitted <= 0) {
                return leader.progress(room.releaseId(), now, rate, placesLeft);
            }
            return leader.admit(room.releaseId(), room.admittedUpTo() + 1, to, now, rate, placesLeft)
                    .chain(accounts -> publish(leader, new PositionsAdmitted(room.releaseId().toString(),
                            room.officeCode(), room.admittedUpTo() + 1, to, accounts, now,
                            now.plus(policy.claimWindow())), now));
        });
    }

    private Uni<Void> publish(Leader leader, IntegrationEvent event, Instant now) {
        try {
            return leader.outbox(UUID.randomUUID(), event.aggregateId(), EventTypes.ceType(event.getClass()),
                    EventTypes.topic(event.getClass()), source, json.writeValueAsString(event), now);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
