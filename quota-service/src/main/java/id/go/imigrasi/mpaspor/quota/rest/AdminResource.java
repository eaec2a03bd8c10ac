package id.go.imigrasi.mpaspor.quota.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.OfficeRule;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import id.go.imigrasi.mpaspor.quota.service.AdminService;
import id.go.imigrasi.mpaspor.quota.service.AdminService.ClosureScope;
import io.smallrye.mutiny.Uni;

/** Admins: weekday capacity rules, closures (holidays, no blank e-passport books) and quota releases. */
@Path("/admin/offices/{code}")
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    /** ISO weekday: 1 = Monday ... 7 = Sunday. */
    public record Rule(@NotNull @Min(1) @Max(7) Integer weekday, @NotNull ServiceLine service,
            @NotNull DaySession session, @NotNull @PositiveOrZero @Max(100_000) Integer capacity) {

        static Rule of(OfficeRule r) {
            return new Rule((int) r.weekday, r.service, r.slotSession, r.capacity);
        }

        OfficeRule toEntity() {
            OfficeRule r = new OfficeRule();
            r.weekday = weekday.shortValue();
            r.service = service;
            r.slotSession = session;
            r.capacity = capacity;
            return r;
        }
    }

    public record Rules(@NotNull @Size(max = 42) List<@NotNull @Valid Rule> rules) {
    }

    public record ClosureRequest(@NotNull LocalDate date, ClosureScope scope, @Size(max = 200) String reason) {
    }

    public record ReleaseRequest(@NotNull LocalDate from, @NotNull LocalDate to, @NotNull Instant releaseAt) {
    }

    public record ReleaseView(String releaseId, String officeCode, LocalDate from, LocalDate to, Instant releaseAt,
            int slots) {
    }

    private final AdminService admin;

    public AdminResource(AdminService admin) {
        this.admin = admin;
    }

    @GET
    @Path("rules")
    public Uni<Rules> rules(@PathParam("code") String code) {
        return admin.rules(code).map(list -> new Rules(list.stream().map(Rule::of).toList()));
    }

    /** Replaces the office's weekday capacities; applies to releases made afterwards. */
    @PUT
    @Path("rules")
    public Uni<Rules> replaceRules(@PathParam("code") String code, @NotNull @Valid Rules rules) {
        return admin.replaceRules(code, rules.rules().stream().map(Rule::toEntity).toList())
                .map(list -> new Rules(list.stream().map(Rule::of).toList()));
    }

    /** Closes a date: the whole office (holiday) or electronic passports only (no blank books). */
    @POST
    @Path("closures")
    public Uni<Response> close(@PathParam("code") String code, @NotNull @Valid ClosureRequest request) {
        ClosureScope scope = request.scope() == null ? ClosureScope.ALL : request.scope();
        return admin.close(code, request.date(), scope, request.reason())
                .map(ignored -> Response.noContent().build());
    }

    @DELETE
    @Path("closures/{date}")
    public Uni<Response> reopen(@PathParam("code") String code, @PathParam("date") String date,
            @QueryParam("scope") String scope) {
        LocalDate day = Params.date("date", date, null);
        if (day == null) {
            throw ProblemException.invalid("date", "quota.required");
        }
        return admin.reopen(code, day, Params.enumValue("scope", scope, ClosureScope.class, ClosureScope.ALL))
                .map(ignored -> Response.noContent().build());
    }

    /** Puts the dates {@code from..to} on sale at {@code releaseAt}; before that they are NOT_RELEASED. */
    @POST
    @Path("releases")
    public Uni<Response> release(@PathParam("code") String code, @NotNull @Valid ReleaseRequest request) {
        return admin.release(code, request.from(), request.to(), request.releaseAt())
                .map(r -> Response.created(URI.create("/admin/offices/" + code + "/releases/" + r.release().id))
                        .entity(new ReleaseView(r.release().id.toString(), r.release().officeCode,
                                r.release().fromDate, r.release().toDate, r.release().releaseAt, r.slots()))
                        .build());
    }
}
