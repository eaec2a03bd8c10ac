package id.go.imigrasi.mpaspor.application.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.application.service.StatusLookup;
import io.smallrye.mutiny.Uni;

/**
 * The status check without login (public): a POST, so the NIK and birth date never sit in a URL, an access log or a
 * browser history. The gateway gives it a strict per-address bucket of its own.
 */
@Path("/application-status")
@Tag(name = "application-status", description = "An application's state without login, by its number and an"
        + " applicant's NIK and birth date")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StatusCheckResource {

    private final StatusLookup lookup;

    public StatusCheckResource(StatusLookup lookup) {
        this.lookup = lookup;
    }

    @POST
    @PermitAll
    @Operation(operationId = "checkApplicationStatus", summary = "The state of an application, without login",
            description = "Only the state and since when: no name, office, date or document. Any mismatch (unknown"
                    + " number, a NIK not on it, another birth date) is the same 404 application-status-not-found;"
                    + " malformed input is 400 with field errors. Limited per client address at the gateway (429 +"
                    + " Retry-After).")
    @APIResponse(responseCode = "200", description = "The state", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusLookup.State.class)))
    @APIResponse(responseCode = "404", description = "application-status-not-found: no application with this number"
            + " has an applicant of this NIK and birth date (one answer for every mismatch)",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<StatusLookup.State> check(StatusLookup.Query query) {
        return lookup.lookup(query);
    }
}
