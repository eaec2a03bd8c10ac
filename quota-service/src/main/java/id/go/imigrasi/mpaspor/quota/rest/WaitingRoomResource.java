package id.go.imigrasi.mpaspor.quota.rest;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.platform.waitingroom.ProofOfWork;
import id.go.imigrasi.mpaspor.platform.waitingroom.Tickets;
import id.go.imigrasi.mpaspor.platform.waitingroom.WaitingRoomStatus;
import id.go.imigrasi.mpaspor.platform.waitingroom.WaitingRoomStatus.State;
import id.go.imigrasi.mpaspor.quota.service.WaitingRoomService;
import id.go.imigrasi.mpaspor.quota.service.WaitingRooms;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The waiting room of a quota release (issue 17). Join with a proof-of-work (ALTCHA) and the account's token; keep the
 * signed ticket; check the position with the ticket alone (no account token, no database read), by polling (the
 * answer's Retry-After says when to ask again) or by Server-Sent Events; once admitted, exchange the ticket for a
 * hold pass and send it as the {@code Hold-Pass} header of {@code POST /holds}.
 */
@IdempotentReads
@Path("/releases/{releaseId}/waiting-room")
@Tag(name = "waiting-room", description = "The fair waiting room of a quota release: join, wait, claim a hold pass")
public class WaitingRoomResource {

    public static final String TICKET_HEADER = Tickets.HEADER;
    static final String PROBLEM = "application/problem+json";
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(4);

    public record JoinRequest(@NotBlank @Size(max = 2048) String altcha) {
    }

    public record PassRequest(@NotBlank @Size(max = 512) String ticket) {
    }

    private final WaitingRoomService service;
    private final WaitingRooms rooms;
    private final Caller caller;
    private final Vertx vertx;
    private final Duration pushInterval;

    public WaitingRoomResource(WaitingRoomService service, WaitingRooms rooms, Caller caller, Vertx vertx,
            QuotaConfig config) {
        this.service = service;
        this.rooms = rooms;
        this.caller = caller;
        this.vertx = vertx;
        this.pushInterval = config.waitingRoom().pushInterval();
    }

    @GET
    @PermitAll
    @Operation(operationId = "getWaitingRoom", summary = "The release's waiting room: when it opens, the release time, how many queue, admitted up to,"
            + " places left, sold out and the next release")
    @APIResponse(responseCode = "200", description = "The room (no position: position, ahead and ticket are null)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WaitingRoomStatus.class)))
    @APIResponse(responseCode = "400", description = "releaseId is not a UUID", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "waiting-room-not-found: the release has no waiting room", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "Too many requests from this client or account (gateway rate limit)", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "503", description = "Overloaded or a dependency is down: try again after Retry-After", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    @NonBlocking // memory only: no worker thread hop (the gateway reads it every 250 ms while people check)
    public Response room(@PathParam("releaseId") String releaseId) {
        return fresh(service.room(uuid(releaseId)));
    }

    @GET
    @Path("challenge")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "getWaitingRoomChallenge", summary = "A proof-of-work challenge (ALTCHA, SHA-256) to solve before joining; bound to my account")
    @APIResponse(responseCode = "200", description = "The challenge: algorithm, challenge, maxnumber, salt (with expires and account parameters), signature", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProofOfWork.Challenge.class)))
    @APIResponse(responseCode = "400", description = "releaseId is not a UUID", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No or an invalid access token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an applicant", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "waiting-room-not-found", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "Too many requests from this client or account (gateway rate limit)", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "503", description = "Overloaded or a dependency is down: try again after Retry-After", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    @NonBlocking // an HMAC: on the event loop, not queued for a worker thread behind a crowd of joins
    public ProofOfWork.Challenge challenge(@PathParam("releaseId") String releaseId) {
        return service.challenge(caller.accountId(), uuid(releaseId));
    }

    @POST
    @Path("entries")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "joinWaitingRoom", summary = "Join the waiting room (one place per account: joining again returns the same place)",
            description = "Send the solved challenge (the ALTCHA widget's payload, base64 JSON). Before releaseAt you"
                    + " join the pre-queue, put in random order at releaseAt (position null until then); later you"
                    + " queue first come, first served, in join order (position null for a moment: the next check,"
                    + " a second later, returns a ticket with it). Keep the ticket: it is your place, also after"
                    + " closing the app.")
    @APIResponse(responseCode = "200", description = "My place: state PRE_QUEUE (position null until releaseAt) or WAITING (position null until the next check), with the signed ticket; Retry-After says when to check", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WaitingRoomStatus.class)), headers = @Header(name = "Retry-After", description = "seconds until the first check is worth it", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "400", description = "altcha missing, invalid, expired or solved for another account (field error)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No or an invalid access token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an applicant", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "waiting-room-not-found", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "waiting-room-not-open (detail: when it opens), waiting-room-closed, or release-sold-out (detail: the next release)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "Too many requests from this client or account (gateway rate limit)", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "503", description = "Overloaded or a dependency is down: try again after Retry-After", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> join(@PathParam("releaseId") String releaseId, @NotNull @Valid JoinRequest request) {
        return service.join(caller.accountId(), uuid(releaseId), request.altcha()).map(WaitingRoomResource::fresh);
    }

    @GET
    @Path("position")
    @PermitAll
    @Operation(operationId = "getWaitingRoomPosition", summary = "My position, how many are ahead, the estimated wait and places left, from my ticket alone",
            description = "No account token needed: the signed ticket is the credential. A pre-queue ticket comes back"
                    + " with its position once the queue is shuffled (keep the new one). Retry-After says when to ask"
                    + " again; Server-Sent Events at ./events push the same answers.")
    @APIResponse(responseCode = "200", description = "My position, ahead, estimated wait and places left; a pre-queue ticket comes back with its position once shuffled (keep the new ticket)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WaitingRoomStatus.class)), headers = @Header(name = "Retry-After", description = "seconds until the next check is worth it", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "400", description = "releaseId is not a UUID", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "waiting-room-ticket-invalid: forged, expired or of another release", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "waiting-room-not-found", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "Too many requests from this client or account (gateway rate limit)", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "503", description = "Overloaded or a dependency is down: try again after Retry-After", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> position(@PathParam("releaseId") String releaseId,
            @Parameter(description = "The ticket (or ?ticket=)") @HeaderParam(TICKET_HEADER) String header,
            @QueryParam("ticket") String query) {
        return service.check(uuid(releaseId), header != null ? header : query).map(WaitingRoomResource::fresh);
    }

    @GET
    @Path("events")
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamWaitingRoomEvents", summary = "Server-Sent Events: my position pushed when it changes (at most every second, at least every"
            + " 4 s); the stream ends once I am admitted, the release is sold out or the room closes")
    @APIResponse(responseCode = "200", description = "text/event-stream of Status objects (data: JSON), ends once admitted, sold out or closed")
    @APIResponse(responseCode = "400", description = "releaseId is not a UUID", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "waiting-room-ticket-invalid", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "waiting-room-not-found", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "Too many requests from this client or account (gateway rate limit)", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "503", description = "Overloaded or a dependency is down: try again after Retry-After", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    public Multi<WaitingRoomStatus> events(@PathParam("releaseId") String releaseId, @QueryParam("ticket") String query,
            @HeaderParam(TICKET_HEADER) String header) {
        UUID release = uuid(releaseId);
        String token = header != null ? header : query;
        Tickets.Ticket first = service.ticket(release, token, java.time.Instant.now());
        return Multi.createFrom().emitter(emitter -> {
            AtomicReference<String> ticket = new AtomicReference<>(token);
            AtomicReference<Tickets.Ticket> current = new AtomicReference<>(first);
            long[] sent = { -1, 0 };   // version of the rooms last pushed, when (ms)
            Runnable push = () -> {
                WaitingRoomStatus status = service.peek(release, current.get(), ticket.get());
                long now = System.currentTimeMillis();
                if (sent[0] == rooms.version() && now - sent[1] < KEEP_ALIVE.toMillis() && !status.terminal()) {
                    return;
                }
                if (current.get().preQueue() && status.state() == State.WAITING) {
                    // the queue was shuffled: swap the ticket for one with its position (one read)
                    service.check(release, ticket.get()).subscribe().with(checked -> {
                        if (checked.position() != null) {
                            ticket.set(checked.ticket());
                            current.set(service.ticket(release, checked.ticket(), java.time.Instant.now()));
                        }
                    }, failure -> { });
                }
                sent[0] = rooms.version();
                sent[1] = now;
                emitter.emit(status);
                if (status.terminal()) {
                    emitter.complete();
                }
            };
            push.run();
            long timer = vertx.setPeriodic(pushInterval.toMillis(), id -> push.run());
            emitter.onTermination(() -> vertx.cancelTimer(timer));
        });
    }

    @POST
    @Path("pass")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "claimHoldPass", summary = "Exchange my admitted ticket for a short-lived hold pass (the Hold-Pass header of POST /holds)",
            description = "409 waiting-room-not-your-turn + Retry-After before my position is admitted; 403 for a"
                    + " forged, expired or another account's ticket; 409 release-sold-out once every place is taken.")
    @APIResponse(responseCode = "200", description = "The hold pass and when it expires: send it as Hold-Pass on POST /holds", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WaitingRoomService.HoldPass.class)))
    @APIResponse(responseCode = "400", description = "ticket missing or too long (field error)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No or an invalid access token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "waiting-room-ticket-invalid (forged, expired, other release) or waiting-room-ticket-not-yours (another account's)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "waiting-room-not-found", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "waiting-room-not-your-turn (with Retry-After), release-sold-out or waiting-room-closed", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "429", description = "Too many requests from this client or account (gateway rate limit)", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "503", description = "Overloaded or a dependency is down: try again after Retry-After", content = @Content(mediaType = PROBLEM), headers = @Header(name = "Retry-After", description = "seconds to wait before asking again", schema = @Schema(type = SchemaType.INTEGER)))
    @NonBlocking // an HMAC and numbers in memory
    public WaitingRoomService.HoldPass pass(@PathParam("releaseId") String releaseId,
            @NotNull @Valid PassRequest request) {
        return service.pass(caller.accountId(), uuid(releaseId), request.ticket());
    }

    /** The pre-queue's order: the accounts at positions 1, 2, ... of a shuffled room. */
    public record Draw(UUID releaseId, java.util.List<String> accounts) {
    }

    /**
     * The pre-queue's order once drawn, for the gateway (it swaps pre-queue tickets for positioned ones at the edge,
     * instead of sending every such check here at {@code releaseAt}): not part of the public API, and answered only to
     * a draw request signed with the waiting room's secret ({@code Waiting-Room-Draw}); anything else is 404.
     */
    @GET
    @Path("draw")
    @PermitAll
    @Operation(hidden = true)
    public Uni<Response> draw(@PathParam("releaseId") String releaseId,
            @HeaderParam(Tickets.DRAW_HEADER) String request) {
        UUID release = uuid(releaseId);
        return service.draw(release, request).map(order -> {
            CacheControl noStore = new CacheControl();
            noStore.setNoStore(true);
            return Response.ok(new Draw(release, order)).cacheControl(noStore).build();
        });
    }

    private static Response fresh(WaitingRoomStatus status) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        Response.ResponseBuilder answer = Response.ok(status).cacheControl(noStore);
        if (status.retryAfterSeconds() != null) {
            answer.header("Retry-After", status.retryAfterSeconds());
        }
        return answer.build();
    }

    private static UUID uuid(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException ignored) {
            // below
        }
        throw ProblemException.invalid("releaseId", "quota.release-id-format");
    }
}
