package id.go.imigrasi.mpaspor.account.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.domain.AdminAuditEntry;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.CreateOfficerRequest;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.CreateOpsRequest;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.Created;
import id.go.imigrasi.mpaspor.account.repository.ErasureRepository;
import id.go.imigrasi.mpaspor.account.repository.PrivacyAuditRepository;
import id.go.imigrasi.mpaspor.account.service.AccountErasure;
import id.go.imigrasi.mpaspor.account.service.AccountService;
import id.go.imigrasi.mpaspor.account.service.OfficerAdmin;
import id.go.imigrasi.mpaspor.account.service.Registration;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.PageLimits;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** Admins: officer accounts (create, list, disable, move to another office) and the audit of those changes. */
@IdempotentReads
@Path("/admin")
@Tag(name = "admin", description = "For admins: officers, ops accounts, office rules, releases, closures and audit")
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    public record Officer(String id, String name, String email, String officeCode, String status, Instant createdAt) {

        static Officer of(Account a) {
            return new Officer(a.id.toString(), a.fullName, a.email, a.officeCode, a.status.name(), a.createdAt);
        }
    }

    @Schema(description = "The office the officer moves to")
    public record MoveRequest(
            @Schema(required = true, pattern = AccountApi.OFFICE_CODE_PATTERN, minLength = 2, maxLength = 12,
                    description = AccountApi.OFFICE_CODE_DESCRIPTION, examples = "TPRK") String officeCode) {
    }

    /** One admin change: when, who (the admin's account id), what (the event's name), to whom, at which office. */
    public record AuditEntry(Instant at, String actorId, String action, String subjectId, String officeCode,
            String detail) {

        static AuditEntry of(AdminAuditEntry e) {
            return new AuditEntry(e.at, e.actorId, e.action, e.subjectId, e.officeCode, e.detail);
        }
    }

    /**
     * One erasure request: when it was asked and decided, its outcome ({@code null} while application-service decides,
     * {@code REFUSED} with the applications in progress, or {@code ERASED}), each service's confirmation, and which
     * services have not confirmed yet.
     */
    public record Erasure(String id, String accountId, Instant requestedAt, String outcome, Instant decidedAt,
            List<String> applicationsInProgress, List<ErasureRepository.Confirmation> confirmations,
            List<String> awaiting) {

        static Erasure of(ErasureRepository.Row r) {
            List<String> confirmed = r.confirmations().stream().map(ErasureRepository.Confirmation::service).toList();
            List<String> awaiting = "ERASED".equals(r.outcome())
                    ? AccountErasure.CONFIRMING.stream().filter(s -> !confirmed.contains(s)).toList()
                    : List.of();
            return new Erasure(r.id().toString(), r.accountId().toString(), r.requestedAt(), r.outcome(),
                    r.decidedAt(), r.inProgress() == null ? List.of() : List.of(r.inProgress().split(",")),
                    r.confirmations(), awaiting);
        }
    }

    private final AccountService accounts;
    private final OfficerAdmin officers;
    private final AccountErasure erasure;
    private final Caller caller;

    public AdminResource(AccountService accounts, OfficerAdmin officers, AccountErasure erasure, Caller caller) {
        this.erasure = erasure;
        this.accounts = accounts;
        this.officers = officers;
        this.caller = caller;
    }

    /** An officer account for an immigration office, active at once. */
    @POST
    @Path("/officers")
    @Operation(operationId = "createOfficer", summary = "Create an officer of an office (OfficerCreated), active at once")
    @APIResponse(responseCode = "201", description = "The officer, active at once", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "409", description = "`email-taken`: an account with this e-mail exists")
    @APIResponse(responseCode = "422", description = "`unknown-office`: no office has this code")
    public Uni<RestResponse<Created>> createOfficer(@NotNull CreateOfficerRequest body) {
        return accounts.createOfficer(new Registration(body.name(), body.email(), body.phone(), body.password(),
                body.officeCode()), caller.accountId()).map(a -> RestResponse.status(Response.Status.CREATED,
                        new Created(a.id.toString(), a.status.name())));
    }

    /** An operations account (role {@code ops}: the ops console at {@code /ops}), active at once. */
    @POST
    @Path("/ops-accounts")
    @Operation(operationId = "createOpsAccount")
    @APIResponse(responseCode = "201", description = "The ops account, active at once", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "409", description = "`email-taken`: an account with this e-mail exists")
    public Uni<RestResponse<Created>> createOps(@NotNull CreateOpsRequest body) {
        return accounts.createOps(new Registration(body.name(), body.email(), body.phone(), body.password(), null))
                .map(a -> RestResponse.status(Response.Status.CREATED, new Created(a.id.toString(), a.status.name())));
    }

    @GET
    @Path("/officers")
    @Operation(operationId = "listOfficers", summary = "The officers, of one office (officeCode) or all, by name")
    public Uni<List<Officer>> officers(@QueryParam("officeCode") String officeCode) {
        return officers.officers(officeCode == null || officeCode.isBlank() ? null : officeCode)
                .map(list -> list.stream().map(Officer::of).toList());
    }

    @POST
    @Path("/officers/{id}/disable")
    @Operation(operationId = "disableOfficer", summary = "Disable an officer: no login any more, every session ended (OfficerDisabled)")
    @APIResponse(responseCode = "200", description = "The officer, DISABLED (now or before)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Officer.class)))
    @APIResponse(responseCode = "404", description = "`not-an-officer`: no officer account has this id")
    public Uni<Officer> disable(@PathParam("id") String id) {
        return officers.disable(id, caller.accountId()).map(Officer::of);
    }

    @POST
    @Path("/officers/{id}/move")
    @Operation(operationId = "moveOfficer", summary = "Move an officer to another office; sessions end, the next login carries it (OfficerMoved)")
    @APIResponse(responseCode = "200", description = "The officer, now of the new office", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Officer.class)))
    @APIResponse(responseCode = "404", description = "`not-an-officer`: no officer account has this id")
    @APIResponse(responseCode = "422", description = "`unknown-office`: no office has this code")
    public Uni<Officer> move(@PathParam("id") String id, @NotNull MoveRequest body) {
        return officers.move(id, body.officeCode(), caller.accountId()).map(Officer::of);
    }

    @GET
    @Path("/audit")
    @Operation(operationId = "listAccountAudit", summary = "Who changed which officer and when, newest first (of one office, or all)")
    @APIResponse(responseCode = "200", description = "The admin changes, newest first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class)))
    public Uni<List<AuditEntry>> audit(@QueryParam("officeCode") String officeCode,
            @QueryParam("limit") @Parameter(description = "At most this many entries (default 50; more than 200 is read as 200)", example = "50", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String limit) {
        return officers.audit(officeCode == null || officeCode.isBlank() ? null : officeCode,
                PageLimits.parse("limit", limit, 50, OfficerAdmin.AUDIT_MAX))
                .map(list -> list.stream().map(AuditEntry::of).toList());
    }

    @GET
    @Path("/erasures")
    @Operation(operationId = "listAccountErasures", summary = "Erasure requests, newest first, with each service's confirmation (UU PDP accountability)")
    @APIResponse(responseCode = "200", description = "The erasure requests, newest first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Erasure.class)))
    public Uni<List<Erasure>> erasures(@QueryParam("limit") @Parameter(description = "At most this many entries (default 50; more than 500 is read as 500)", example = "50", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String limit) {
        return erasure.latest(PageLimits.parse("limit", limit, 50, 500)).map(rows -> rows.stream().map(Erasure::of).toList());
    }

    @GET
    @Path("/privacy-audit")
    @Operation(operationId = "listPrivacyAudit", summary = "Every erasure and data export step, newest first, of one account or all (append-only: who, what, when, why)")
    @APIResponse(responseCode = "200", description = "The steps, newest first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = PrivacyAuditRepository.Entry.class)))
    public Uni<List<PrivacyAuditRepository.Entry>> privacyAudit(@QueryParam("accountId") String accountId,
            @QueryParam("limit") @Parameter(description = "At most this many entries (default 100; more than 1000 is read as 1000)", example = "100", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String limit) {
        UUID account;
        try {
            account = accountId == null || accountId.isBlank() ? null : UUID.fromString(accountId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(FieldError.of("accountId",
                    "validation.not-an-id"))));
        }
        return erasure.audit(account, PageLimits.parse("limit", limit, 100, 1000));
    }
}
