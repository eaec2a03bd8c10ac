package id.go.imigrasi.mpaspor.application.rest;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.application.service.Helpdesk;
import id.go.imigrasi.mpaspor.application.service.HelpdeskViews.TicketSummary;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The office's helpdesk queue: the tickets of the applications booked at an office. Under {@code /applications}
 * because the gateway routes {@code /office/**} to biometric-service (all but the collective batches).
 */
@IdempotentReads
@Path("/applications/tickets")
@Tag(name = "helpdesk")
@Produces(MediaType.APPLICATION_JSON)
public class OfficeTicketResource {

    private final Helpdesk helpdesk;
    private final Caller caller;

    public OfficeTicketResource(Helpdesk helpdesk, Caller caller) {
        this.helpdesk = helpdesk;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "listOfficeTickets", summary = "An office's tickets in a state (OPEN: waiting for the office), longest waiting first (at most 200)")
    @APIResponse(responseCode = "200", description = "The office's tickets in that state, longest waiting first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = TicketSummary.class)))
    @APIResponse(responseCode = "400", description = "state is not OPEN, ANSWERED or CLOSED", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "An officer naming another office (or a token without an office)", content = @Content(mediaType = "application/problem+json"))
    public Uni<List<TicketSummary>> list(
            @Parameter(description = "The office; an officer: their own (the default); an admin: any, or every office without it")
            @QueryParam("office") String office,
            @Parameter(description = "OPEN (default), ANSWERED or CLOSED") @QueryParam("state") String state) {
        return helpdesk.atOffice(office, state, caller);
    }
}
