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

import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.PageLimits;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.OfficeRule;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import id.go.imigrasi.mpaspor.quota.service.AdminService;
import id.go.imigrasi.mpaspor.quota.service.AdminService.ClosureScope;
import id.go.imigrasi.mpaspor.quota.service.AuditedAdmin;
import id.go.imigrasi.mpaspor.quota.service.ReleaseSubscriptions;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.smallrye.mutiny.Uni;

/** Admins: weekday capacity rules, closures (holidays, no blank e-passport books) and quota releases. */
@IdempotentReads
@Path("/admin/offices/{code}")
@Tag(name = "admin")
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
    private final ReleaseSubscriptions subscriptions;
    private final AuditedAdmin audited;
    private final Caller caller;

    public AdminResource(AdminService admin, AuditedAdmin audited, Caller caller,
            ReleaseSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.admin = admin;
        this.audited = audited;
        this.caller = caller;
    }

    @GET
    @Path("rules")
    @Operation(operationId = "getOfficeRules")
    public Uni<Rules> rules(@PathParam("code") String code) {
        return admin.rules(code).map(list -> new Rules(list.stream().map(Rule::of).toList()));
    }

    /** Replaces the office's weekday capacities; applies to releases made afterwards. */
    @PUT
    @Path("rules")
    @Operation(operationId = "replaceOfficeRules")
    public Uni<Rules> replaceRules(@PathParam("code") String code, @NotNull @Valid Rules rules) {
        return audited.replaceRules(code, rules.rules().stream().map(Rule::toEntity).toList(), caller.accountId())
                .map(list -> new Rules(list.stream().map(Rule::of).toList()));
    }

    /** Closes a date: the whole office (holiday) or electronic passports only (no blank books). */
    @POST
    @Path("closures")
    @Operation(operationId = "closeOfficeDate")
    @APIResponse(responseCode = "204", description = "Closed; holds on that date are not possible any more")
    public Uni<Response> close(@PathParam("code") String code, @NotNull @Valid ClosureRequest request) {
        ClosureScope scope = request.scope() == null ? ClosureScope.ALL : request.scope();
        return audited.close(code, request.date(), scope, request.reason(), caller.accountId())
                .map(ignored -> Response.noContent().build());
    }

    @DELETE
    @Path("closures/{date}")
    @Operation(operationId = "reopenOfficeDate")
    @APIResponse(responseCode = "204", description = "Reopened")
    public Uni<Response> reopen(@PathParam("code") String code, @PathParam("date") String date,
            @QueryParam("scope") String scope) {
        LocalDate day = Params.date("date", date, null);
        if (day == null) {
            throw ProblemException.invalid("date", "quota.required");
        }
        return audited.reopen(code, day, Params.enumValue("scope", scope, ClosureScope.class, ClosureScope.ALL),
                caller.accountId())
                .map(ignored -> Response.noContent().build());
    }

    /** Puts the dates {@code from..to} on sale at {@code releaseAt}; before that they are NOT_RELEASED. */
    @POST
    @Path("releases")
    @Operation(operationId = "createRelease")
    @APIResponse(responseCode = "201", description = "The release with its places", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)), headers = @Header(name = "Location", description = "/api/v1/admin/offices/{code}/releases/{id}", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> release(@PathParam("code") String code, @NotNull @Valid ReleaseRequest request) {
        return audited.release(code, request.from(), request.to(), request.releaseAt(), caller.accountId())
                // committed: a release due at once queued its subscribers' mails, which go now
                .invoke(subscriptions::wake)
                .map(r -> Response.created(URI.create("/admin/offices/" + code + "/releases/" + r.release().id))
                        .entity(new ReleaseView(r.release().id.toString(), r.release().officeCode,
                                r.release().fromDate, r.release().toDate, r.release().releaseAt, r.slots()))
                        .build());
    }

    @GET
    @Path("releases")
    @Operation(operationId = "listReleases", summary = "The office's releases, latest releaseAt first (at most 50)")
    public Uni<List<AuditedAdmin.Release>> releases(@PathParam("code") String code) {
        return audited.releases(code);
    }

    @GET
    @Path("closures")
    @Operation(operationId = "listClosures", summary = "The office's closures from a date on (default: all)")
    public Uni<List<AuditedAdmin.Closure>> closures(@PathParam("code") String code, @QueryParam("from") String from) {
        return audited.closures(code, Params.date("from", from, LocalDate.of(2000, 1, 1)));
    }

    @GET
    @Path("audit")
    @Operation(operationId = "listOfficeAudit", summary = "Who changed the office's rules, closures and releases, and when: newest first")
    public Uni<List<AuditedAdmin.Entry>> audit(@PathParam("code") String code,
            @QueryParam("limit") @Parameter(description = "At most this many entries (default 50; more than 200 is read as 200)", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            String limit) {
        return audited.audit(code, PageLimits.parse("limit", limit, 50, AuditedAdmin.AUDIT_MAX));
    }
}
