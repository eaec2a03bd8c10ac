package id.go.imigrasi.mpaspor.gateway.waitingroom;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.platform.waitingroom.WaitingRoomStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The gateway's copies of the waiting rooms people are checking: each is quota-service's public
 * {@code GET /releases/{id}/waiting-room} (the room's shared numbers: admitted up to, places left, the admission rate,
 * shuffled, sold out), read again every {@code refresh-interval} while someone checks it, forgotten after
 * {@code keep-for} without a check. quota-service reads those numbers from PostgreSQL every 200 ms, so every gateway
 * instance and every quota-service instance agree within a poll or two; a copy older than {@code max-age} (quota-service
 * away or slow) is not used, and the checks go to quota-service again.
 */
@ApplicationScoped
public class RoomCopies {

    private static final Logger LOG = Logger.getLogger(RoomCopies.class);

    private final class Copy {
        final UUID releaseId;
        volatile WaitingRoomStatus room;
        volatile long readAt;
        volatile long askedAt = System.nanoTime();
        final AtomicBoolean reading = new AtomicBoolean();

        Copy(UUID releaseId) {
            this.releaseId = releaseId;
        }
    }

    private final Map<UUID, Copy> copies = new ConcurrentHashMap<>();
    private final ObjectReader reader;
    private final QuotaReads quota;
    private final long maxAge;
    private final long keepFor;
    private final Counter read;
    private final Counter notFound;
    private final Counter failed;

    public RoomCopies(Vertx vertx, ObjectMapper json, GatewayConfig config, MeterRegistry registry) {
        this.read = reads(registry, "read");
        this.notFound = reads(registry, "not-found");
        this.failed = reads(registry, "failed");
        // a newer quota-service may say more than this gateway knows: the rest is still the room
        this.reader = json.readerFor(WaitingRoomStatus.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.maxAge = config.waitingRoom().maxAge().toNanos();
        this.keepFor = config.waitingRoom().keepFor().toNanos();
        this.quota = new QuotaReads(vertx, config, 4, Math.max(10, config.waitingRoom().refreshInterval().toMillis()),
                this::refresh);
    }

    /**
     * The room as quota-service showed it at most {@code max-age} ago; empty when there is no such copy yet (then one
     * is being read, and this check goes to quota-service).
     */
    public Optional<WaitingRoomStatus> fresh(UUID releaseId) {
        long now = System.nanoTime();
        Copy copy = copies.get(releaseId);
        if (copy == null) {
            copy = copies.computeIfAbsent(releaseId, Copy::new);
            read(copy);
            return Optional.empty();
        }
        copy.askedAt = now;
        WaitingRoomStatus room = copy.room;
        if (room == null || now - copy.readAt > maxAge) {
            read(copy);
            return Optional.empty();
        }
        return Optional.of(room);
    }

    /**
     * The room as quota-service last showed it, however long ago (read again if older than {@code max-age}); empty
     * when no copy was read yet. Enough to know that the room exists, which is all a challenge needs: on the release
     * morning quota-service answered the copy's reads too late under the crowd, and a challenge that waited for a
     * fresh copy went to quota-service's full connection pool (60k of 166k in the 2026-12-06 benchmark).
     */
    public Optional<WaitingRoomStatus> known(UUID releaseId) {
        Copy copy = copies.get(releaseId);
        if (copy == null || copy.room == null) {
            return fresh(releaseId);
        }
        copy.askedAt = System.nanoTime();
        if (System.nanoTime() - copy.readAt > maxAge) {
            read(copy);
        }
        return Optional.of(copy.room);
    }

    private static Counter reads(MeterRegistry registry, String outcome) {
        return Counter.builder("mpaspor.gateway.waiting.room.copy.reads")
                .description("Reads of a waiting room's numbers from quota-service by outcome: read, not-found (no"
                        + " such room), failed (no answer in time, an error, not a room): while they fail, the checks"
                        + " and challenges of that room go to quota-service")
                .tag("outcome", outcome).register(registry);
    }

    /** How many rooms are copied now (a gauge, and the tests). */
    public int size() {
        return copies.size();
    }

    private void refresh() {
        long now = System.nanoTime();
        copies.values().removeIf(copy -> now - copy.askedAt > keepFor);
        copies.values().forEach(this::read);
    }

    private void read(Copy copy) {
        if (!copy.reading.compareAndSet(false, true)) {
            return;
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(quota.url("/releases/" + copy.releaseId + "/waiting-room")).setTimeout(1_000)
                .putHeader("Accept", "application/json");
        quota.send(request).compose(answer -> answer.body().map(body -> {
            if (answer.statusCode() == 200) {
                try {
                    WaitingRoomStatus room = reader.readValue(body.getBytes());
                    if (copy.releaseId.equals(room.releaseId()) && room.releaseAt() != null
                            && room.closesAt() != null) {
                        copy.room = room;
                        copy.readAt = System.nanoTime();
                        read.increment();
                    } else {
                        failed.increment();
                        LOG.warnf("waiting room %s: quota-service's answer is not that room", copy.releaseId);
                    }
                } catch (java.io.IOException unreadable) {
                    failed.increment();
                    LOG.warnf("waiting room %s: quota-service's answer is not a room: %s", copy.releaseId,
                            unreadable.getMessage());
                }
            } else if (answer.statusCode() == 404) {
                // no such room: quota-service answers the checks (404) itself
                notFound.increment();
                copies.remove(copy.releaseId);
            } else {
                failed.increment();
            }
            return null;
        })).onComplete(done -> {
            copy.reading.set(false);
            if (done.failed()) {
                failed.increment();
                LOG.debugf("waiting room %s not read: %s", copy.releaseId, done.cause().toString());
            }
        });
    }

    @PreDestroy
    void stop() {
        quota.close();
    }
}
