package id.go.imigrasi.mpaspor.quota.events;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.service.WaitingRoomAdmission;
import id.go.imigrasi.mpaspor.quota.service.WaitingRooms;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The waiting rooms' clocks, on every instance (Vert.x timers: the scheduler's {@code every} has a one-second grain):
 * read the rooms' shared state ({@link WaitingRooms}, every {@code waiting-room.poll-interval}) and try to be the
 * admission leader ({@link WaitingRoomAdmission}, every {@code waiting-room.leader-interval}: one instance at a time
 * wins the advisory lock), and count the people in line for the gauge (every {@code waiting-room.line-count-interval}).
 * A tick still running when the next is due is skipped.
 */
@ApplicationScoped
public class WaitingRoomJobs {

    private static final Logger LOG = Logger.getLogger(WaitingRoomJobs.class);

    private final WaitingRooms rooms;
    private final WaitingRoomAdmission admission;
    private final QuotaConfig config;
    private final Vertx vertx;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean leading = new AtomicBoolean();
    private final AtomicBoolean counting = new AtomicBoolean();
    private long countTimer = -1;
    private long pollTimer = -1;
    private long leaderTimer = -1;

    public WaitingRoomJobs(WaitingRooms rooms, WaitingRoomAdmission admission, QuotaConfig config, Vertx vertx) {
        this.rooms = rooms;
        this.admission = admission;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent started) {
        pollTimer = vertx.setPeriodic(config.waitingRoom().pollInterval().toMillis(),
                id -> once(polling, rooms::refresh, "waiting rooms not read; the next poll tries again"));
        leaderTimer = vertx.setPeriodic(config.waitingRoom().leaderInterval().toMillis(),
                id -> once(leading, () -> admission.tick().chain(led -> led ? rooms.refresh() : Uni.createFrom().voidItem()),
                        "waiting-room leader tick failed; the next tick retries"));
        countTimer = vertx.setPeriodic(config.waitingRoom().lineCountInterval().toMillis(),
                id -> once(counting, rooms::countInLine, "people in line not counted; the next count tries again"));
    }

    void stop(@Observes ShutdownEvent stopping) {
        vertx.cancelTimer(pollTimer);
        vertx.cancelTimer(leaderTimer);
        vertx.cancelTimer(countTimer);
    }

    private static void once(AtomicBoolean running, Supplier<Uni<Void>> work, String failure) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            work.get().subscribe().with(done -> running.set(false), e -> {
                running.set(false);
                LOG.warn(failure, e);
            });
        } catch (RuntimeException e) {
            running.set(false);
            LOG.warn(failure, e);
        }
    }
}
