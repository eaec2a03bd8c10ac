package id.go.imigrasi.mpaspor.quota.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import id.go.imigrasi.mpaspor.quota.service.HoldAdmission;
import id.go.imigrasi.mpaspor.quota.service.HoldCommand;
import id.go.imigrasi.mpaspor.quota.service.HoldService;
import id.go.imigrasi.mpaspor.quota.service.RescheduleService;
import id.go.imigrasi.mpaspor.quota.service.WaitingRoomService;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Holds (and the bookings they become once paid), for the applicant who placed them. */
@IdempotentReads
@Path("/")
@Tag(name = "holds", description = "Hold a place (a few minutes), then the booking it becomes once paid; reschedule")
public class HoldResource {

    /**
     * One place per NIK (the applicants of one application, at most five). The OpenAPI below adds what
     * HoldService.validate checks by hand (at most mpaspor.quota.max-applicants-per-hold=5 NIKs, no duplicates, a
     * service bookable online) to the Bean Validation constraints: keep them in step.
     */
    @Schema(description = "One place per NIK, for the applicants of one of my applications (at most five)")
    public record HoldRequest(
            @Schema(description = "Code of the office (GET /offices); surrounding whitespace is ignored; an unknown"
                    + " office is a field error", examples = "TPRK") @NotBlank @Size(max = 16) String officeCode,
            @Schema(format = "date", description = "The day of the visit (yyyy-MM-dd), at the earliest tomorrow in"
                    + " the office's time zone (mpaspor.quota.booking-lead-days=1)", examples = "2027-03-16")
            @NotNull LocalDate date,
            @Schema(description = "MORNING or AFTERNOON", examples = "MORNING") @NotNull DaySession session,
            @Schema(description = "REGULAR or SAME_DAY; PRIORITY_WALK_IN (from today on) only by an officer of"
                    + " that office acting for the person at the desk (a desk session's token), otherwise a field error",
                    examples = "REGULAR") @NotNull ServiceLine service,
            @Schema(maxItems = 5, uniqueItems = true, description = "The NIKs of the applicants, 1 to 5, each 16"
                    + " digits and each only once; each must be an applicant of one of my applications",
                    examples = "[\"3578014506900001\", \"3578011203880002\"]")
            @NotEmpty List<@NotNull @Pattern(regexp = "\\d{16}", message = "{quota.nik-format}") String> niks,
            @Schema(defaultValue = "ORDINARY", description = "ORDINARY (when absent) or ELECTRONIC",
                    examples = "ELECTRONIC") PassportKind passportKind) {
    }

    public record RescheduleRequest(
            @Schema(format = "date", description = "The new day of the visit (yyyy-MM-dd)", examples = "2027-03-23")
            @NotNull LocalDate date,
            @Schema(description = "MORNING or AFTERNOON", examples = "AFTERNOON") @NotNull DaySession session) {
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String HOLD_PASS = "Hold-Pass";
    private static final java.util.regex.Pattern CANONICAL_UUID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final java.util.regex.Pattern IDEMPOTENCY_KEY_FORMAT = java.util.regex.Pattern.compile(
            "[\\x21-\\x7E]{1,255}");

    private final HoldService holds;
    private final RescheduleService reschedules;
    private final Caller caller;
    private final HoldAdmission admission;
    private final WaitingRoomService waitingRoom;

    public HoldResource(HoldService holds, RescheduleService reschedules, Caller caller, HoldAdmission admission,
            WaitingRoomService waitingRoom) {
        this.admission = admission;
        this.waitingRoom = waitingRoom;
        this.holds = holds;
        this.reschedules = reschedules;
        this.caller = caller;
    }

    /**
     * 201 with the hold, or 409 quota-full / quota-not-released / date-closed / nik-already-held / active-hold-exists
     * / applicants-not-yet-known (+ Retry-After), 422 nik-not-an-applicant / idempotency-key-reused, or 503 +
     * Retry-After at once when this instance already has enough holds in flight. A retry (same Idempotency-Key, or
     * the same slot and NIKs) answers 201 with the hold it created.
     */
    @POST
    @Path("holds")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "createHold", summary = "Hold one place per NIK (each an applicant of one of my applications); retry-safe",
            description = "Send an Idempotency-Key (1-255 visible ASCII characters, e.g. a UUID) and repeat the same"
                    + " request with it after a timeout or a 5xx: the answer is 201 with the hold the first request"
                    + " created (as it is now), never quota-full or nik-already-held for your own hold. The same key"
                    + " with another request is 422 idempotency-key-reused. Without a key, a repeated request for the"
                    + " same slot and the same NIKs also answers 201 with the existing hold. A NIK that is not an"
                    + " applicant of one of your applications is 422 nik-not-an-applicant; one added a moment ago"
                    + " may answer 409 applicants-not-yet-known with Retry-After (for at most 30 s): retry after it."
                    + " During a release's waiting-room window (from releaseAt until it sells out or the window ends)"
                    + " a hold on its dates needs the Hold-Pass header from the waiting room: without it 403"
                    + " hold-pass-required, whose detail links to the room.")
    @APIResponse(responseCode = "201", description = "The hold (Location: /holds/{id}); also the answer to a retry with the same Idempotency-Key", content = @Content(mediaType = "application/json", schema = @Schema(implementation = HoldView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request (field errors)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or an invalid access token", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "hold-pass-required: during a release's waiting-room window the Hold-Pass header is missing, expired, of another release or of another account; the detail links to the waiting room", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "quota-full, quota-not-released (not on sale yet: the detail names the release time), date-closed, e-passport-closed (no electronic passports that date), nik-already-held, active-hold-exists (the account already has an unpaid hold), or applicants-not-yet-known (with Retry-After)", content = @Content(mediaType = "application/problem+json"), headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "422", description = "nik-not-an-applicant, idempotency-key-reused", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "429", description = "Too many requests (gateway rate limit)", content = @Content(mediaType = "application/problem+json"), headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "503", description = "Overloaded (adaptive admission) or the database is unreachable", content = @Content(mediaType = "application/problem+json"), headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> hold(@NotNull @Valid HoldRequest request,
            @Parameter(description = "Makes retries safe: the same key and request return the same hold")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = "The hold pass of the release's waiting room (during its window)")
            @HeaderParam(HOLD_PASS) String holdPass) {
        HoldCommand command = new HoldCommand(request.officeCode().trim(), request.date(), request.session(),
                request.service(), request.niks(),
                request.passportKind() == null ? PassportKind.ORDINARY : request.passportKind(),
                caller.actor().map(Caller.Actor::officeCode).orElse(null));
        String key = idempotencyKey(idempotencyKey);
        if (!command.walkInAtTheDesk()) {
            // walk-in places are never released through a waiting room
            waitingRoom.requirePass(caller.accountId(), command.officeCode(), command.date(), holdPass);
        }
        return admission.admit(() -> holds.place(caller.accountId(), command, key))
                .map(hold -> Response.created(URI.create("/holds/" + hold.id)).entity(HoldView.of(hold)).build());
    }

    /** The caller's active holds and bookings (HELD, BOOKED), newest first: where a lost answer can be found. */
    @GET
    @Path("holds")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "listMyHolds", summary = "My active holds and bookings (HELD, BOOKED), newest first")
    public Uni<List<HoldView>> mine() {
        return holds.activeOf(caller.accountId()).map(list -> list.stream().map(HoldView::of).toList());
    }

    @GET
    @Path("holds/{id}")
    @RolesAllowed({ Roles.APPLICANT, Roles.ADMIN })
    @Operation(operationId = "getHold", summary = "One of my holds (an admin: any); a malformed id is 400")
    public Uni<HoldView> hold(@PathParam("id") String id) {
        return holds.view(caller, uuid(id), QuotaProblem.HOLD_NOT_FOUND).map(HoldView::of);
    }

    @GET
    @Path("bookings/{id}")
    @RolesAllowed({ Roles.APPLICANT, Roles.ADMIN })
    @Operation(operationId = "getBooking", summary = "One of my bookings (an admin: any); a malformed id is 400")
    public Uni<HoldView> booking(@PathParam("id") String id) {
        return holds.view(caller, uuid(id), QuotaProblem.BOOKING_NOT_FOUND).map(HoldView::of);
    }

    /** Only after payment, at the latest the day before the appointment, a capped number of times. */
    @POST
    @Path("bookings/{id}/reschedule")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "rescheduleBooking")
    @APIResponse(responseCode = "200", description = "The booking on its new date and session", content = @Content(mediaType = "application/json", schema = @Schema(implementation = HoldView.class)))
    @APIResponse(responseCode = "409", description = "reschedule-not-paid (the booking is still an unpaid hold), booking-not-active (cancelled or ended), reschedule-too-late (today is the appointment day or later), reschedule-limit-reached (already moved the maximum number of times); the new slot: quota-not-released (not on sale yet), date-closed, e-passport-closed (no electronic passports that date) or quota-full", content = @Content(mediaType = "application/problem+json"))
    public Uni<HoldView> reschedule(@PathParam("id") String id, @NotNull @Valid RescheduleRequest request) {
        return reschedules.reschedule(caller, uuid(id), request.date(),
                request.session())
                .map(moved -> {
                    HoldView before = HoldView.of(moved.booking());
                    return new HoldView(before.holdId(), before.status(), before.officeCode(), moved.date(),
                            moved.session().name(), before.service(), before.passportKind(), before.niks(),
                            before.expiresAt(), before.applicationId(), moved.reschedulesUsed());
                });
    }

    /** A hold or booking id is a UUID in its canonical form; anything else is a 400 field error (never retried). */
    private static UUID uuid(String id) {
        if (id == null || !CANONICAL_UUID.matcher(id).matches()) {
            throw ProblemException.invalid("id", "quota.hold-id-format");
        }
        return UUID.fromString(id);
    }

    /** Absent: null; otherwise 1 to 255 visible ASCII characters, or a 400 field error. */
    private static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY_FORMAT.matcher(key).matches()) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "quota.idempotency-key-format");
        }
        return key;
    }
}
