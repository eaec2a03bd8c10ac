package id.go.imigrasi.mpaspor.application.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import id.go.imigrasi.mpaspor.application.service.NikClaimRequest;
import id.go.imigrasi.mpaspor.application.service.NikClaims;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.PathIds;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * An owner blocked by {@code nik-in-active-application} (another account's draft holds their NIK) claims it back:
 * a code goes to the mobile number Dukcapil registered with the NIK; the right code frees the NIK.
 */
@IdempotentReads
@Path("/applications/nik-claims") // under /applications: the gateway already routes it here
@Tag(name = "applications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.APPLICANT)
public class NikClaimResource {

    /** A claim started: where the code went (masked) and until when it is valid. */
    public record NikClaimStarted(UUID id, String sentTo, String expiresAt) {
    }

    /** A claim confirmed: {@code released} tells whether another draft lost the applicant. */
    public record NikClaimConfirmed(UUID id, boolean released) {
    }

    private final NikClaims claims;
    private final Caller caller;

    public NikClaimResource(NikClaims claims, Caller caller) {
        this.claims = claims;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startNikClaim", summary = "Claim a NIK another account's draft holds: identity checked at Dukcapil, a code sent by SMS"
            + " to the number registered with the NIK")
    @APIResponse(responseCode = "201", description = "The claim; a code went by SMS to the number registered with the NIK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = NikClaimStarted.class)), headers = @Header(name = "Location", description = "/api/v1/applications/nik-claims/{id}", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "nik-not-claimable (no other account's active application holds the NIK: add it directly), nik-claim-at-office (Dukcapil has no phone for the NIK, or the other application is already submitted: claim it at the office)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "dukcapil-verification-failed: the NIK is not registered, or name, birth place, sex or birth date differ from Dukcapil's (a field error each); no code is sent", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> start(NikClaimRequest request) {
        return claims.start(request, caller).map(claim -> Response
                .created(URI.create("/applications/nik-claims/" + claim.id))
                .entity(new NikClaimStarted(claim.id, claim.sentTo, claim.expiresAt.toString()))
                .build());
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmNikClaim", summary = "The code received: the other draft loses the applicant, the NIK is free to add")
    @APIResponse(responseCode = "200", description = "Confirmed: the NIK is free to add", content = @Content(mediaType = "application/json", schema = @Schema(implementation = NikClaimConfirmed.class)))
    @APIResponse(responseCode = "409", description = "nik-claim-closed (the claim expired, was already used or ran out of attempts: start a new one), nik-claim-at-office (the other application was submitted meanwhile: claim it at the office)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "nik-claim-code-wrong: the code is wrong (field error on code; the detail says how many attempts are left)", content = @Content(mediaType = "application/problem+json"))
    public Uni<NikClaimConfirmed> confirm(@PathParam("id") String id, NikClaimRequest.Confirmation confirmation) {
        UUID claimId = PathIds.uuid("id", id); // no UUID names nothing that could exist: 400, as every path id (issue 21)
        return claims.confirm(claimId, confirmation == null ? null : confirmation.code(), caller)
                .map(released -> new NikClaimConfirmed(claimId, released));
    }
}
