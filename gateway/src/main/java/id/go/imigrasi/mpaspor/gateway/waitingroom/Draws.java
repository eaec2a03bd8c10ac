package id.go.imigrasi.mpaspor.gateway.waitingroom;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
import id.go.imigrasi.mpaspor.platform.waitingroom.Tickets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The gateway's copies of the waiting rooms' draws (issue 17): once a room's pre-queue is shuffled at
 * {@code releaseAt}, every pre-queue ticket must be swapped for one that carries its position, and those swaps (one
 * database read each at quota-service) all came at once: in the 2026-12-06 benchmark 9,000 checks per 5 s were
 * refused at quota-service's full limit in the first 45 s, the people admitted first could not learn it, and the
 * first holds came 12 s after {@code releaseAt}. The order is the same for every ticket of the room and never changes
 * once drawn, so the gateway reads it once ({@code GET /releases/{id}/waiting-room/draw}, the accounts in position
 * order, answered only to a request signed with the waiting room's secret) and {@link PositionChecks} swaps tickets
 * itself.
 * <p>
 * A draw is read on the first swap asked for after the shuffle, at most one read at a time per room and at most one a
 * second after a failure (meanwhile the swaps go to quota-service, as before); it is forgotten after
 * {@code keep-for} without a swap. An account not in the draw (its join committed while the shuffle ran: it was
 * placed after the pre-queue) is swapped by quota-service. The draw of 20,000 accounts is about 800 KB of JSON, read
 * once per gateway instance and room.
 */
@ApplicationScoped
public class Draws {

    private static final Logger LOG = Logger.getLogger(Draws.class);
    /** How long a signed draw request is valid (it only has to reach quota-service). */
    private static final long REQUEST_VALID_SECONDS = 30;
    private static final long RETRY_NANOS = 1_000_000_000L;

    /** The shape of quota-service's answer. */
    record Draw(UUID releaseId, List<String> accounts) {
    }

    private static final class Copy {
        final UUID releaseId;
        volatile Map<String, Long> positions;
        volatile long askedAt = System.nanoTime();
        volatile long failedAt;
        final AtomicBoolean reading = new AtomicBoolean();

        Copy(UUID releaseId) {
            this.releaseId = releaseId;
        }
    }

    private final Map<UUID, Copy> copies = new ConcurrentHashMap<>();
    private final Optional<Tickets> tickets;
    private final ObjectReader reader;
    private final QuotaReads quota;
    private final long keepFor;
    private final Counter read;
    private final Counter failed;

    public Draws(Vertx vertx, ObjectMapper json, GatewayConfig config, MeterRegistry registry) {
        this.tickets = EdgeKeys.of(config).map(Tickets::new);
        this.reader = json.readerFor(Draw.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.keepFor = config.waitingRoom().keepFor().toNanos();
        this.quota = new QuotaReads(vertx, config, 2, Math.max(1_000, keepFor / 4_000_000), this::forget);
        this.read = reads(registry, "read");
        this.failed = reads(registry, "failed");
    }

    private static Counter reads(MeterRegistry registry, String outcome) {
        return Counter.builder("mpaspor.gateway.waiting.room.draw.reads")
                .description("Reads of a shuffled waiting room's order from quota-service by outcome (read, failed):"
                        + " until one is read, pre-queue tickets are swapped by quota-service")
                .tag("outcome", outcome).register(registry);
    }

    /**
     * The position the draw gave {@code accountId} in the shuffled room {@code releaseId}; empty when the draw is
     * not read yet (then it is being read) or does not hold the account: quota-service swaps that ticket.
     */
    public OptionalLong position(UUID releaseId, String accountId) {
        if (tickets.isEmpty()) {
            return OptionalLong.empty();
        }
        Copy copy = copies.get(releaseId);
        if (copy == null) {
            copy = copies.computeIfAbsent(releaseId, Copy::new);
        }
        copy.askedAt = System.nanoTime();
        Map<String, Long> positions = copy.positions;
        if (positions == null) {
            read(copy);
            return OptionalLong.empty();
        }
        Long position = positions.get(accountId);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** How many draws are kept now (the tests). */
    int size() {
        return copies.size();
    }

    private void read(Copy copy) {
        if (copy.failedAt != 0 && System.nanoTime() - copy.failedAt < RETRY_NANOS
                || !copy.reading.compareAndSet(false, true)) {
            return;
        }
        String request = tickets.get().signDrawRequest(copy.releaseId,
                Instant.now().plusSeconds(REQUEST_VALID_SECONDS));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(quota.url("/releases/" + copy.releaseId + "/waiting-room/draw")).setTimeout(10_000)
                .putHeader("Accept", "application/json").putHeader(Tickets.DRAW_HEADER, request);
        quota.send(options).compose(answer -> answer.body().map(body -> {
            if (answer.statusCode() != 200) {
                // 404 while quota-service's instance has not seen the shuffle yet, or no such room
                return false;
            }
            try {
                Draw draw = reader.readValue(body.getBytes());
                if (!copy.releaseId.equals(draw.releaseId()) || draw.accounts() == null) {
                    LOG.warnf("waiting room %s: quota-service's draw is not that room's", copy.releaseId);
                    return false;
                }
                Map<String, Long> positions = new HashMap<>(draw.accounts().size() * 4 / 3 + 1);
                long position = 1;
                for (String account : draw.accounts()) {
                    positions.put(account, position++);
                }
                copy.positions = positions;
                return true;
            } catch (java.io.IOException unreadable) {
                LOG.warnf("waiting room %s: quota-service's draw is unreadable: %s", copy.releaseId,
                        unreadable.getMessage());
                return false;
            }
        })).onComplete(done -> {
            copy.reading.set(false);
            if (done.succeeded() && Boolean.TRUE.equals(done.result())) {
                copy.failedAt = 0;
                read.increment();
                LOG.infof("waiting room %s: draw of %d read", copy.releaseId, copy.positions.size());
            } else {
                copy.failedAt = System.nanoTime();
                failed.increment();
                if (done.failed()) {
                    LOG.debugf("waiting room %s: draw not read: %s", copy.releaseId, done.cause().toString());
                }
            }
        });
    }

    private void forget() {
        long now = System.nanoTime();
        copies.values().removeIf(copy -> now - copy.askedAt > keepFor);
    }

    @PreDestroy
    void stop() {
        quota.close();
    }
}
