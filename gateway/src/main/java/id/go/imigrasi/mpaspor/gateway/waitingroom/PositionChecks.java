package id.go.imigrasi.mpaspor.gateway.waitingroom;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.platform.waitingroom.Positions;
import id.go.imigrasi.mpaspor.platform.waitingroom.Tickets;
import id.go.imigrasi.mpaspor.platform.waitingroom.WaitingRoomStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The waiting room's position checks, answered at the edge (issue 17): a person in line asks
 * {@code GET /api/v1/releases/{id}/waiting-room/position} every few seconds, tens of thousands of people at once on
 * a release morning, and the answer needs no database and no service: the ticket's HMAC (platform {@link Tickets},
 * the key quota-service signs with) and the room's shared numbers ({@link RoomCopies}), put together by the same rule
 * quota-service uses ({@link Positions}). Through the proxy, each check took a connection to quota-service; at 14,000
 * people polling the gateway's pool refused half of them (load/README.md, 2026-12-05).
 * <p>
 * Whatever the edge cannot answer word for word as quota-service would goes to quota-service: no secret configured, a
 * ticket that does not verify (quota-service answers the 403 in the caller's language), a pre-queue ticket once the
 * queue is shuffled while the gateway has no copy of the draw ({@link Draws}) that places it, or no fresh copy of the
 * room. With the draw, a pre-queue ticket is swapped here for one with its position, signed as quota-service signs it.
 */
@ApplicationScoped
public class PositionChecks {

    private static final Pattern POSITION = Pattern.compile("/api/v1/releases/([0-9a-fA-F-]{36})/waiting-room/position");
    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");

    private final Optional<Tickets> tickets;
    private final RoomCopies rooms;
    private final Draws draws;
    private final ObjectWriter writer;
    private final Counter atTheEdge;
    private final Counter toTheService;

    public PositionChecks(GatewayConfig config, RoomCopies rooms, Draws draws, ObjectMapper json,
            MeterRegistry registry) {
        this.draws = draws;
        this.tickets = EdgeKeys.of(config).map(Tickets::new);
        this.rooms = rooms;
        this.writer = json.writerFor(WaitingRoomStatus.class);
        this.atTheEdge = counter(registry, "edge");
        this.toTheService = counter(registry, "service");
        Gauge.builder("mpaspor.gateway.waiting.room.copies", rooms, RoomCopies::size)
                .description("Waiting rooms whose numbers the gateway keeps to answer position checks").register(registry);
    }

    private static Counter counter(MeterRegistry registry, String where) {
        return Counter.builder("mpaspor.gateway.waiting.room.checks")
                .description("Waiting room position checks by where they were answered: the edge (ticket and room copy)"
                        + " or the service")
                .tag("answered", where).register(registry);
    }

    /**
     * Answers the request here if it is a position check the edge can answer; false: not one (or not answerable
     * here), and the request goes on to the service unchanged.
     */
    public boolean answered(RoutingContext ctx, String path) {
        if (tickets.isEmpty() || !path.endsWith("/position")) {
            return false;
        }
        Matcher matcher = POSITION.matcher(path);
        if (!matcher.matches()) {
            return false;
        }
        Optional<WaitingRoomStatus> status = status(matcher.group(1), token(ctx.request()), Instant.now());
        if (status.isEmpty()) {
            toTheService.increment();
            return false;
        }
        byte[] body;
        try {
            body = writer.writeValueAsBytes(status.get());
        } catch (JsonProcessingException unexpected) {
            toTheService.increment();
            return false;
        }
        atTheEdge.increment();
        HttpServerRequest request = ctx.request();
        request.resume();
        var response = ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
                .putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        if (status.get().retryAfterSeconds() != null) {
            response.putHeader(RETRY_AFTER, String.valueOf(status.get().retryAfterSeconds()));
        }
        response.end(Buffer.buffer(body));
        return true;
    }

    /** What quota-service would answer for this ticket now, if the edge can say it; empty: ask quota-service. */
    Optional<WaitingRoomStatus> status(String release, String token, Instant now) {
        UUID releaseId;
        try {
            releaseId = UUID.fromString(release);
        } catch (IllegalArgumentException notOne) {
            return Optional.empty();
        }
        Optional<Tickets.Ticket> verified = tickets.flatMap(keys -> keys.ticket(token, now))
                .filter(ticket -> ticket.releaseId().equals(releaseId));
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        Tickets.Ticket ticket = verified.get();
        Optional<WaitingRoomStatus> copy = rooms.fresh(releaseId);
        if (copy.isEmpty()) {
            return Optional.empty();
        }
        WaitingRoomStatus room = copy.get();
        if (ticket.preQueue() && room.shuffledAt() != null && room.soldOutAt() == null
                && now.isBefore(room.closesAt())) {
            // the order is drawn: the ticket is swapped for one that carries its position, as quota-service swaps it,
            // from the gateway's copy of the draw; without one (not read yet, or the account is not in it) there
            OptionalLong drawn = draws.position(releaseId, ticket.accountId());
            if (drawn.isEmpty()) {
                return Optional.empty();
            }
            long position = drawn.getAsLong();
            String placed = tickets.get().sign(new Tickets.Ticket(releaseId, ticket.accountId(), position, now,
                    ticket.expiresAt()));
            return Optional.of(Positions.status(room, placed, position, now));
        }
        return Optional.of(Positions.status(room, token, ticket.position(), now));
    }

    private static String token(HttpServerRequest request) {
        String header = request.getHeader(Tickets.HEADER);
        return header != null ? header : request.getParam("ticket");
    }
}
