package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;


import id.go.imigrasi.mpaspor.contracts.quota.SlotHeld;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.domain.Hold;
import id.go.imigrasi.mpaspor.quota.domain.HoldStatus;
import id.go.imigrasi.mpaspor.quota.repository.SlotTaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Combines concurrent holds, of any slots, into few statements ({@link SlotTaker}). At most
 * {@code mpaspor.quota.combiner.max-statements} statements of this instance run at once; a hold that arrives while
 * they are all running waits, and when one ends, the next statement takes the waiting holds (at most
 * {@code combiner.max-batch}), whichever slots they are for. A hold that finds a statement free goes at once, alone,
 * so an idle service never waits for a timer; under a spike one commit (one fsync) serves many holds.
 * <p>
 * A slot is in at most one running statement of this instance: the holds of a slot that is being written wait for
 * that statement to end, so each slot's holds reach the database in arrival order, and statements of one instance
 * never wait for each other's row locks.
 * <p>
 * This JVM-side queue only groups requests; it decides nothing. Which holds get places is decided by the database
 * statement under the capacity row locks (taken in key order, so batches never deadlock on them), so two instances
 * (or two statements of one instance) can never overbook. A statement refused by a unique index (a NIK or an account
 * that already holds) or by a deadlock fails as a whole; its holds are then placed one by one (each slot's in
 * arrival order), so each gets its own precise answer.
 */
@ApplicationScoped
public class HoldCombiner {

    private static final Logger LOG = Logger.getLogger(HoldCombiner.class);

    /** Attempts of a single hold's statement that ends in a deadlock (two transactions waiting on each other). */
    private static final int DEADLOCK_ATTEMPTS = 3;

    /**
     * What one hold waits for: the hold and whether it was granted; if not, whether its NIKs were all known as the
     * account's applicants (if not, that is why) and whether the slot was bookable (then it was full). A refusal by
     * the database fails the hold instead.
     */
    record Outcome(Hold hold, boolean granted, boolean slotBookable, boolean applicants) {
    }

    private record Pending(Hold hold, SlotTaker.Slot slot, CompletableFuture<Outcome> outcome) {
    }

    private final SlotTaker taker;
    private final Outbox outbox;
    private final Clock clock;
    private final QuotaConfig config;
    private final int maxBatch;
    private final int maxStatements;
    private final DistributionSummary batchSizes;
    private final DistributionSummary batchSlots;
    private final Counter refusedWhole;

    // guarded by this
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final Set<SlotTaker.Slot> busy = new HashSet<>();
    private int running;

    public HoldCombiner(SlotTaker taker, Outbox outbox, Clock clock, QuotaConfig config, MeterRegistry registry) {
        this.taker = taker;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.maxBatch = config.combiner().maxBatch();
        this.maxStatements = config.combiner().maxStatements();
        this.batchSizes = DistributionSummary.builder("mpaspor.quota.holds.batch.size")
                .description("Holds placed by one statement (one transaction)").register(registry);
        this.batchSlots = DistributionSummary.builder("mpaspor.quota.holds.batch.slots")
                .description("Slots (capacity rows) one statement placed holds on").register(registry);
        this.refusedWhole = Counter.builder("mpaspor.quota.holds.batch.refused")
                .description("Statements refused as a whole (unique index, deadlock) whose holds were then placed"
                        + " one by one")
                .register(registry);
        Gauge.builder("mpaspor.quota.holds.waiting", this, HoldCombiner::waitingCount).strongReference(true)
                .description("Holds waiting for a statement").register(registry);
    }

    /** Places the hold (ids and NIKs already checked); completes with the outcome or the database's refusal. */
    Uni<Outcome> place(Hold hold) {
        SlotTaker.Slot slot = new SlotTaker.Slot(hold.officeCode, hold.slotDate, hold.service, hold.slotSession);
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        List<Pending> batch;
        synchronized (this) {
            waiting.add(new Pending(hold, slot, outcome));
            batch = running < maxStatements ? drain() : List.of();
        }
        if (!batch.isEmpty()) {
            run(batch);
        }
        return Uni.createFrom().completionStage(outcome);
    }

    /** Holds waiting for a statement (the gauge {@code mpaspor.quota.holds.waiting}). */
    synchronized int waitingCount() {
        return waiting.size();
    }

    /**
     * The next batch: the waiting holds, oldest first, whose slots are not in a running statement (a slot's later
     * holds never overtake its earlier ones: they are all skipped or taken in order). Marks its slots busy and
     * counts it as running when it is not empty. Caller holds the monitor.
     */
    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>(Math.min(waiting.size(), maxBatch));
        Set<SlotTaker.Slot> mine = new HashSet<>();
        for (Iterator<Pending> it = waiting.iterator(); it.hasNext() && batch.size() < maxBatch;) {
            Pending p = it.next();
            if (busy.contains(p.slot())) {
                continue;
            }
            it.remove();
            batch.add(p);
            mine.add(p.slot());
        }
        if (!batch.isEmpty()) {
            busy.addAll(mine);
            running++;
        }
        return batch;
    }

    private void run(List<Pending> batch) {
        execute(batch).subscribe().with(ignored -> next(batch), failure -> next(batch));
    }

    /** A statement ended: its slots are free again; start what can start. */
    private void next(List<Pending> done) {
        List<List<Pending>> batches = new ArrayList<>(1);
        synchronized (this) {
            running--;
            for (Pending p : done) {
                busy.remove(p.slot());
            }
            while (running < maxStatements && !waiting.isEmpty()) {
                List<Pending> batch = drain();
                if (batch.isEmpty()) {
                    break;
                }
                batches.add(batch);
            }
        }
        batches.forEach(this::run);
    }

    /** One statement for the batch; on a refusal of the whole statement, each hold alone. */
    private Uni<Void> execute(List<Pending> batch) {
        batchSizes.record(batch.size());
        batchSlots.record(batch.size() == 1 ? 1 : batch.stream().map(Pending::slot).distinct().count());
        if (batch.size() == 1) {
            return alone(batch.get(0), 1);
        }
        return Uni.createFrom().deferred(() -> statement(batch))
                .onFailure(HoldCombiner::wholeStatementRefused)
                .recoverWithUni(failure -> {
                    refusedWhole.increment();
                    LOG.debugf("a batch of %d holds was refused as a whole (%s): placing them one by one",
                            batch.size(), failure.getMessage());
                    return oneByOne(batch);
                })
                .onFailure().invoke(failure -> batch.forEach(p -> p.outcome().completeExceptionally(failure)))
                .onFailure().recoverWithNull();
    }

    /** Each hold in its own statement: the slots side by side, each slot's holds in arrival order. */
    private Uni<Void> oneByOne(List<Pending> batch) {
        Map<SlotTaker.Slot, List<Pending>> bySlot = new LinkedHashMap<>();
        for (Pending p : batch) {
            bySlot.computeIfAbsent(p.slot(), ignored -> new ArrayList<>()).add(p);
        }
        List<Uni<Void>> slots = new ArrayList<>(bySlot.size());
        for (List<Pending> holds : bySlot.values()) {
            slots.add(Sequentially.each(holds, p -> alone(p, 1)));
        }
        return Uni.join().all(slots).andCollectFailures().replaceWithVoid();
    }

    /** One hold alone; its failure is its answer, except a deadlock, which is tried again a few times. */
    private Uni<Void> alone(Pending p, int attempt) {
        return Uni.createFrom().deferred(() -> statement(List.of(p)))
                .onFailure(failure -> attempt < DEADLOCK_ATTEMPTS && deadlock(failure))
                .recoverWithUni(failure -> alone(p, attempt + 1))
                .onFailure().invoke(failure -> p.outcome().completeExceptionally(failure))
                .onFailure().recoverWithNull();
    }

    /** Runs the statement for {@code batch} and completes every hold of it when it succeeds. */
    private Uni<Void> statement(List<Pending> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(config.holdDuration());
        List<SlotTaker.Request> requests = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Hold hold = p.hold();
            hold.createdAt = now;
            hold.expiresAt = expiresAt;
            hold.status = HoldStatus.HELD;
            requests.add(new SlotTaker.Request(hold.id, hold.accountId, p.slot(), hold.passportKind, hold.size,
                    hold.niks, outbox.row(slotHeld(hold), now), hold.idempotencyKey, hold.requestFingerprint));
        }
        return taker.take(requests, now, expiresAt)
                .invoke(taken -> {
                    for (int i = 0; i < batch.size(); i++) {
                        Pending p = batch.get(i);
                        SlotTaker.Taken t = taken.get(i);
                        p.outcome().complete(new Outcome(p.hold(), t.granted(), t.slotBookable(), t.applicants()));
                    }
                })
                .replaceWithVoid();
    }

    private static SlotHeld slotHeld(Hold hold) {
        return new SlotHeld(hold.id.toString(), hold.accountId, hold.officeCode, hold.slotDate,
                hold.slotSession.name(), hold.service.name(), hold.nikList(), hold.expiresAt,
                hold.passportKind.name());
    }

    /** Unique index (23505) or deadlock (40P01): the statement as a whole was refused, single holds may pass. */
    private static boolean wholeStatementRefused(Throwable failure) {
        return failure instanceof PgException pg && ("23505".equals(pg.getSqlState()) || deadlock(pg));
    }

    private static boolean deadlock(Throwable failure) {
        return failure instanceof PgException pg && "40P01".equals(pg.getSqlState());
    }
}
