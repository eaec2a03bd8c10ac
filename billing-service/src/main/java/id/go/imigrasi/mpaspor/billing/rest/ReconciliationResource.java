package id.go.imigrasi.mpaspor.billing.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.billing.BillingProblem;
import id.go.imigrasi.mpaspor.billing.service.CallbackAuthenticator;
import id.go.imigrasi.mpaspor.billing.service.Reconciliation;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Ops: per channel and day, payments (count, sum), late payments, double payments, duplicates refused; and the day's
 * refunds (refund cases themselves: {@link RefundResource}).
 */
@IdempotentReads
@Path("/reconciliation")
@Tag(name = "reconciliation", description = "For finance: the day of payments per channel")
@RolesAllowed(Roles.ADMIN)
public class ReconciliationResource {

    private final Reconciliation reconciliation;
    private final CallbackAuthenticator channels;

    public ReconciliationResource(Reconciliation reconciliation, CallbackAuthenticator channels) {
        this.reconciliation = reconciliation;
        this.channels = channels;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReconciliation", summary = "Reconciliation of one day (yyyy-MM-dd, in WIB), every channel or one")
    @APIResponse(responseCode = "200", description = "Each channel's day: what the channel settled against what was recorded", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Reconciliation.ChannelDay.class)))
    @APIResponse(responseCode = "404", description = "unknown-payment-channel: the channel parameter names no configured payment channel", content = @Content(mediaType = "application/problem+json"))
    public Uni<List<Reconciliation.ChannelDay>> day(@QueryParam("date") String date,
            @QueryParam("channel") String channel) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "validation.date-format");
        }
        if (channel != null && !channels.isChannel(channel)) {
            throw ProblemException.of(BillingProblem.UNKNOWN_CHANNEL, channel);
        }
        return reconciliation.of(day, channel);
    }

    @GET
    @Path("/refund-report")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRefundReport", summary = "Refunds of one day (yyyy-MM-dd, in WIB): payments still to be paid back, cases requested, approved, rejected and paid, with sums")
    public Uni<Reconciliation.RefundDay> refunds(@QueryParam("date") String date) {
        LocalDate day = RefundResource.day(date);
        if (day == null) {
            throw ProblemException.invalid("date", "validation.date-format");
        }
        return reconciliation.refunds(day);
    }
}
