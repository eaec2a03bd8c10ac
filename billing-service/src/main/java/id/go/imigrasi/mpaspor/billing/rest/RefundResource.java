package id.go.imigrasi.mpaspor.billing.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.billing.domain.RefundState;
import id.go.imigrasi.mpaspor.billing.service.RefundCaseView;
import id.go.imigrasi.mpaspor.billing.service.RefundCases;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.PathIds;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Finance: the refund cases (money billing cannot keep), to approve or reject. The same role as the day's
 * reconciliation (admin); every decision records who (the caller's account id) and when.
 */
@IdempotentReads
@Path("/reconciliation/refunds")
@Tag(name = "reconciliation", description = "For finance: the day of payments per channel")
@RolesAllowed(Roles.ADMIN)
public class RefundResource {

    private final RefundCases refunds;
    private final Caller caller;

    public RefundResource(RefundCases refunds, Caller caller) {
        this.refunds = refunds;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listRefundCases", summary = "Refund cases, newest first (at most 500): by state and/or the day (yyyy-MM-dd, WIB) they were requested")
    public Uni<List<RefundCaseView>> list(@QueryParam("state") String state, @QueryParam("date") String date) {
        return refunds.search(state(state), day(date));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRefundCase", summary = "One refund case, with its decision and payout")
    public Uni<RefundCaseView> one(@PathParam("id") String id) {
        return refunds.one(PathIds.uuid("id", id));
    }

    @POST
    @Path("/{id}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approveRefundCase", summary = "Approve a REQUESTED case: the payout job pays it back through its channel")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RefundCaseView.class)))
    @APIResponse(responseCode = "409", description = "refund-case-state-conflict: the case is not REQUESTED")
    public Uni<RefundCaseView> approve(@PathParam("id") String id) {
        return refunds.approve(PathIds.uuid("id", id), caller.accountId());
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectRefundCase", summary = "Reject a REQUESTED case, with the reason")
    @APIResponse(responseCode = "200", description = "Rejected", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RefundCaseView.class)))
    @APIResponse(responseCode = "409", description = "refund-case-state-conflict: the case is not REQUESTED")
    public Uni<RefundCaseView> reject(@PathParam("id") String id, @Valid @NotNull RejectRefundRequest request) {
        return refunds.reject(PathIds.uuid("id", id), caller.accountId(), request.reason().strip());
    }

    private static RefundState state(String state) {
        if (state == null || state.isEmpty()) {
            return null;
        }
        try {
            return RefundState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("state", "validation.refund-state");
        }
    }

    static LocalDate day(String date) {
        if (date == null || date.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "validation.date-format");
        }
    }
}
