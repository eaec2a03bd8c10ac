package id.go.imigrasi.mpaspor.application.rest;

import java.util.List;

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

import id.go.imigrasi.mpaspor.application.service.MailResends;
import id.go.imigrasi.mpaspor.application.service.MailResends.MailView;
import id.go.imigrasi.mpaspor.application.service.MailResends.Resent;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.PathIds;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** The mails of an application (what was sent, when) and sending one again (issue 22). */
@IdempotentReads
@Path("/applications/{id}/mails")
@Tag(name = "applications")
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {

    private final MailResends resends;
    private final Caller caller;

    public MailResource(MailResends resends, Caller caller) {
        this.resends = resends;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "listApplicationMails", summary = "The application's mails, oldest first: kind, subject, when queued and sent, resent copies marked")
    public Uni<List<MailView>> list(@PathParam("id") String id) {
        return resends.ofApplication(PathIds.uuid("id", id), caller);
    }

    @POST
    @Path("/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "resendApplicationMail", summary = "Send the last mail of a kind again (BILLING_ISSUED while the bill is to be paid, APPOINTMENT_SCHEDULED): a new copy, once per kind per 5 minutes")
    @APIResponse(responseCode = "202", description = "A new copy is queued", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Resent.class)))
    @APIResponse(responseCode = "400", description = "kind missing or not resendable", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "application-not-found, mail-not-found (none of that kind was ever sent)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "mail-not-resendable: what it said no longer holds", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "429", description = "mail-resend-too-soon", content = @Content(mediaType = "application/problem+json"), headers = @Header(name = "Retry-After", description = "Seconds until it may be resent", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> resend(@PathParam("id") String id, MailResends.Request request) {
        return resends.resend(PathIds.uuid("id", id), request, caller)
                .map(resent -> Response.accepted(resent).build());
    }
}
