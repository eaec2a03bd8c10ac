package id.go.imigrasi.mpaspor.application.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.application.service.Helpdesk;
import id.go.imigrasi.mpaspor.application.service.HelpdeskViews.TicketSummary;
import id.go.imigrasi.mpaspor.application.service.HelpdeskViews.TicketView;
import id.go.imigrasi.mpaspor.application.service.TicketRequest;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.PathIds;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Helpdesk tickets about one application (issue 22): the applicant opens them; the applicant and the officers of
 * the office the application is booked at (admins too) read, write and close them. Someone else's application or
 * another office's is "not found", as for the application itself.
 */
@IdempotentReads
@Path("/applications/{id}/tickets")
@Tag(name = "helpdesk", description = "Helpdesk tickets about an application: the applicant and the office's officers")
@Produces(MediaType.APPLICATION_JSON)
public class HelpdeskResource {

    private final Helpdesk helpdesk;
    private final Caller caller;

    public HelpdeskResource(Helpdesk helpdesk, Caller caller) {
        this.helpdesk = helpdesk;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "openTicket", summary = "Open a helpdesk ticket about my application (category, subject, message, optional attachments)",
            description = "Attachments are ids of uploads already made for this application's documents; a new file goes"
                    + " through the usual document upload first. Publishes HelpdeskTicketOpened; TICKET_OPENED on the timeline.")
    @APIResponse(responseCode = "201", description = "The ticket, OPEN", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)), headers = @Header(name = "Location", description = "/api/v1/applications/{id}/tickets/{ticketId}", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Field errors (category, subject, message, uploadIds[i]); nothing is stored", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "application-not-found (or not mine)", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> open(@PathParam("id") String id, TicketRequest request) {
        UUID applicationId = PathIds.uuid("id", id);
        return helpdesk.open(applicationId, request, caller).map(ticket -> Response
                .created(URI.create("/applications/" + applicationId + "/tickets/" + ticket.id()))
                .entity(ticket).build());
    }

    @GET
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "listTickets", summary = "The application's tickets, newest first")
    public Uni<List<TicketSummary>> list(@PathParam("id") String id) {
        return helpdesk.ofApplication(PathIds.uuid("id", id), caller);
    }

    @GET
    @Path("/{ticketId}")
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "getTicket", summary = "A ticket and its messages (who wrote each, when)")
    @APIResponse(responseCode = "200", description = "The ticket", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "application-not-found (another applicant's, another office's), ticket-not-found", content = @Content(mediaType = "application/problem+json"))
    public Uni<TicketView> ticket(@PathParam("id") String id, @PathParam("ticketId") String ticketId) {
        return helpdesk.ticket(PathIds.uuid("id", id), PathIds.uuid("ticketId", ticketId), caller);
    }

    @POST
    @Path("/{ticketId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "replyToTicket", summary = "Write on a ticket: the office's answer (ANSWERED, the applicant is mailed) or the applicant's reply (OPEN again; a closed ticket reopens within the reopen window)")
    @APIResponse(responseCode = "201", description = "The ticket with the new message", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "400", description = "Field errors (message, uploadIds[i]); nothing is stored", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "application-not-found, ticket-not-found", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "ticket-closed (the office writes on a closed ticket), ticket-reopen-window-passed", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> reply(@PathParam("id") String id, @PathParam("ticketId") String ticketId,
            TicketRequest.Reply reply) {
        return helpdesk.reply(PathIds.uuid("id", id), PathIds.uuid("ticketId", ticketId), reply, caller)
                .map(ticket -> Response.status(Response.Status.CREATED).entity(ticket).build());
    }

    @POST
    @Path("/{ticketId}/closure")
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "closeTicket", summary = "Close (resolve) a ticket; publishes HelpdeskTicketClosed")
    @APIResponse(responseCode = "200", description = "The ticket, CLOSED (reopenableUntil: the applicant's window)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "application-not-found, ticket-not-found", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "ticket-closed: already closed", content = @Content(mediaType = "application/problem+json"))
    public Uni<TicketView> close(@PathParam("id") String id, @PathParam("ticketId") String ticketId) {
        return helpdesk.close(PathIds.uuid("id", id), PathIds.uuid("ticketId", ticketId), caller);
    }
}
