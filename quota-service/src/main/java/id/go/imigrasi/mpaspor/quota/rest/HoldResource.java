package id.go.imigrasi.mpaspor.quota.rest;

import id.go.imigrasi.mpaspor.platform.problem.ProblemType;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import id.go.imigrasi.mpaspor.quota.service.HoldAdmission;
import id.go.imigrasi.mpaspor.quota.service.HoldCommand;
import id.go.imigrasi.mpaspor.quota.service.HoldService;
import id.go.imigrasi.mpaspor.quota.service.RescheduleService;
import io.smallrye.mutiny.Uni;

/** Holds (and the bookings they become once paid), for the applicant who placed them. */
@Path("/")
public class HoldResource {

    /** One place per NIK (the applicants of one application, at most five). */
    public record HoldRequest(@NotBlank @Size(max = 16) String officeCode, @NotNull LocalDate date, @NotNull DaySession session,
            @NotNull ServiceLine service,
            @NotEmpty List<@NotNull @Pattern(regexp = "\\d{16}", message = "{quota.nik-format}") String> niks,
            PassportKind passportKind) {
    }

    public record RescheduleRequest(@NotNull LocalDate date, @NotNull DaySession session) {
    }

    private final HoldService holds;
    private final RescheduleService reschedules;
    private final Caller caller;
    private final HoldAdmission admission;

    public HoldResource(HoldService holds, RescheduleService reschedules, Caller caller, HoldAdmission admission) {
        this.admission = admission;
        this.holds = holds;
        this.reschedules = reschedules;
        this.caller = caller;
    }

    /**
     * 201 with the hold, or 409 quota-full / quota-not-released / date-closed / nik-already-held / active-hold-exists,
     * or 503 + Retry-After at once when this instance already has enough holds in flight.
     */
    @POST
    @Path("holds")
    @RolesAllowed(Roles.APPLICANT)
    public Uni<Response> hold(@NotNull @Valid HoldRequest request) {
        HoldCommand command = new HoldCommand(request.officeCode().trim(), request.date(), request.session(),
                request.service(), request.niks(),
                request.passportKind() == null ? PassportKind.ORDINARY : request.passportKind());
        return admission.admit(() -> holds.place(caller.accountId(), command))
                .map(hold -> Response.created(URI.create("/holds/" + hold.id)).entity(HoldView.of(hold)).build());
    }

    @GET
    @Path("holds/{id}")
    @RolesAllowed({ Roles.APPLICANT, Roles.ADMIN })
    public Uni<HoldView> hold(@PathParam("id") String id) {
        return holds.view(caller, uuid(id, QuotaProblem.HOLD_NOT_FOUND)).map(HoldView::of);
    }

    @GET
    @Path("bookings/{id}")
    @RolesAllowed({ Roles.APPLICANT, Roles.ADMIN })
    public Uni<HoldView> booking(@PathParam("id") String id) {
        return holds.view(caller, uuid(id, QuotaProblem.BOOKING_NOT_FOUND)).map(HoldView::of);
    }

    /** Only after payment, at the latest the day before the appointment, a capped number of times. */
    @POST
    @Path("bookings/{id}/reschedule")
    @RolesAllowed(Roles.APPLICANT)
    public Uni<HoldView> reschedule(@PathParam("id") String id, @NotNull @Valid RescheduleRequest request) {
        return reschedules.reschedule(caller, uuid(id, QuotaProblem.BOOKING_NOT_FOUND), request.date(),
                request.session())
                .map(moved -> {
                    HoldView before = HoldView.of(moved.booking());
                    return new HoldView(before.holdId(), before.status(), before.officeCode(), moved.date(),
                            moved.session().name(), before.service(), before.passportKind(), before.niks(),
                            before.expiresAt(), before.applicationId(), moved.reschedulesUsed());
                });
    }

    private static UUID uuid(String id, ProblemType notFound) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(notFound);
        }
    }
}
