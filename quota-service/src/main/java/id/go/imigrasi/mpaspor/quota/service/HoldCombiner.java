package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.quota.SlotHeld;
import id.go.imigrasi.mpaspor.platform.events.CloudEvents;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.domain.Hold;
import id.go.imigrasi.mpaspor.quota.domain.HoldStatus;
import id.go.imigrasi.mpaspor.quota.repository.SlotTaker;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Combines the concurrent holds of one slot into one statement ({@link SlotTaker}): while a slot's statement is
 * running, the holds that arrive for that slot wait in its queue; when it ends they all go in the next statement
 * (at most {@code mpaspor.quota.combiner.max-batch}). An idle slot's first hold goes at once, alone, so nothing
 * waits for a timer; under a spike one commit (one fsync, one hold of the row lock) serves many holds.
 * <p>
 * This JVM-side queue only groups requests; it decides nothing. Which holds get places is decided by the database
 * statement under the capacity row lock, so two instances (or two statements of one instance) can never overbook.
 * A statement refused by a unique index (a NIK or an account that already holds) or by a deadlock fails as a
 * whole; its holds are then placed one by one, so each gets its own precise answer.
 */
@ApplicationScoped
public class HoldCombiner {

    private static final Logger LOG = Logger.getLogger(HoldCombiner.class);

    /**
     * What one hold waits for: the hold and whether it was granted; if not, whether the slot was bookable (then it
     * was full). A refusal by the database fails the hold instead.
     */
    record Outcome(Hold hold, boolean granted, boolean slotBookable) {
    }

    private record Pending(Hold hold, UUID eventId, CompletableFuture<Outcome> outcome) {
    }

    private final class SlotQueue {
        private final SlotTaker.Slot slot;
        private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        private boolean running;

        SlotQueue(SlotTaker.Slot slot) {
            this.slot = slot;
        }

        void add(Pending pending) {
            List<Pending> batch;
            synchronized (this) {
                waiting.add(pending);
                if (running) {
                    return;
                }
                running = true;
                batch = drain();
            }
            run(batch);
        }

        private List<Pending> drain() {
            List<Pending> batch = new ArrayList<>(Math.min(waiting.size(), maxBatch));
            while (!waiting.isEmpty() && batch.size() < maxBatch) {
                batch.add(waiting.poll());
            }
            return batch;
        }

        private void run(List<Pending> batch) {
            execute(slot, batch).subscribe().with(ignored -> next(), failure -> next());
        }

        private void next() {
            List<Pending> batch;
            synchronized (this) {
                if (waiting.isEmpty()) {
                    running = false;
                    return;
                }
                batch = drain();
            }
            run(batch);
        }
    }

    private final SlotTaker taker;
    private final ObjectMapper json;
    private final Clock clock;
    private final QuotaConfig config;
    private final int maxBatch;
    private final SlotTaker.Event slotHeld;
    private final Map<SlotTaker.Slot, SlotQueue> queues = new ConcurrentHashMap<>();
    private final DistributionSummary batchSizes;

    public HoldCombiner(SlotTaker taker, ObjectMapper json, Clock clock, QuotaConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.taker = taker;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.maxBatch = config.combiner().maxBatch();
        this.slotHeld = new SlotTaker.Event(EventTypes.ceType(SlotHeld.class), EventTypes.topic(SlotHeld.class),
                CloudEvents.sourceOf(applicationName));
        this.batchSizes = DistributionSummary.builder("mpaspor.quota.holds.batch.size")
                .description("Holds placed by one statement (one transaction) on one slot").register(registry);
    }

    /** Places the hold (ids and NIKs already checked); completes with the outcome or the database's refusal. */
    Uni<Outcome> place(Hold hold) {
        SlotTaker.Slot slot = new SlotTaker.Slot(hold.officeCode, hold.slotDate, hold.service, hold.slotSession,
                hold.passportKind);
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        queues.computeIfAbsent(slot, SlotQueue::new).add(new Pending(hold, UUID.randomUUID(), outcome));
        return Uni.createFrom().completionStage(outcome);
    }

    /** One statement for the batch; on a refusal of the whole statement, each hold alone. */
    private Uni<Void> execute(SlotTaker.Slot slot, List<Pending> batch) {
        batchSizes.record(batch.size());
        return Uni.createFrom().deferred(() -> statement(slot, batch))
                .onFailure(failure -> batch.size() > 1 && wholeStatementRefused(failure))
                .recoverWithUni(failure -> {
                    LOG.debugf("a batch of %d holds on %s was refused as a whole (%s): placing them one by one",
                            batch.size(), slot, failure.getMessage());
                    return Uni.join().all(batch.stream().map(p -> Uni.createFrom().deferred(() -> statement(slot, List.of(p)))
                            .onFailure().recoverWithNull()).toList()).andFailFast().replaceWithVoid();
                })
                .onFailure().invoke(failure -> batch.forEach(p -> p.outcome().completeExceptionally(failure)))
                .onFailure().recoverWithNull();
    }

    /** Runs the statement for {@code batch} and completes every hold of it (also on failure). */
    private Uni<Void> statement(SlotTaker.Slot slot, List<Pending> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(config.holdDuration());
        List<SlotTaker.Request> requests = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Hold hold = p.hold();
            hold.createdAt = now;
            hold.expiresAt = expiresAt;
            hold.status = HoldStatus.HELD;
            requests.add(new SlotTaker.Request(hold.id, hold.accountId, hold.size, hold.niks, p.eventId(),
                    payload(hold)));
        }
        return taker.take(slot, requests, now, expiresAt, slotHeld)
                .invoke(granted -> complete(batch, granted))
                .onFailure().invoke(failure -> {
                    if (batch.size() == 1) {
                        batch.get(0).outcome().completeExceptionally(failure);
                    }
                })
                .replaceWithVoid();
    }

    private static void complete(List<Pending> batch, SlotTaker.Taken taken) {
        for (Pending p : batch) {
            p.outcome().complete(new Outcome(p.hold(), taken.granted().contains(p.hold().id),
                    taken.freeBefore() != null));
        }
    }

    private String payload(Hold hold) {
        try {
            return json.writeValueAsString(new SlotHeld(hold.id.toString(), hold.accountId, hold.officeCode,
                    hold.slotDate, hold.slotSession.name(), hold.service.name(), hold.nikList(), hold.expiresAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SlotHeld is not serializable", e);
        }
    }

    /** Unique index (23505) or deadlock (40P01): the statement as a whole was refused, single holds may pass. */
    private static boolean wholeStatementRefused(Throwable failure) {
        return failure instanceof PgException pg && ("23505".equals(pg.getSqlState())
                || "40P01".equals(pg.getSqlState()));
    }
}
