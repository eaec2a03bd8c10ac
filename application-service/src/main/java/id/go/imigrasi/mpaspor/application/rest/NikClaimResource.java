package id.go.imigrasi.mpaspor.application.rest;

import java.net.URI;
import java.util.Map;
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

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.service.NikClaims;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * An owner blocked by {@code nik-in-active-application} (another account's draft holds their NIK) claims it back:
 * a code goes to the mobile number Dukcapil registered with the NIK; the right code frees the NIK.
 */
@Path("/applications/nik-claims") // under /applications: the gateway already routes it here
@Tag(name = "applications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.APPLICANT)
public class NikClaimResource {

    private final NikClaims claims;
    private final Caller caller;

    public NikClaimResource(NikClaims claims, Caller caller) {
        this.claims = claims;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Claim a NIK another account's draft holds: identity checked at Dukcapil, a code sent by SMS"
            + " to the number registered with the NIK")
    public Uni<Response> start(NikClaimRequest request) {
        return claims.start(request, caller).map(claim -> Response
                .created(URI.create("/applications/nik-claims/" + claim.id))
                .entity(Map.of("id", claim.id, "sentTo", claim.sentTo, "expiresAt", claim.expiresAt.toString()))
                .build());
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The code received: the other draft loses the applicant, the NIK is free to add")
    public Uni<Map<String, Object>> confirm(@PathParam("id") String id, NikClaimRequest.Confirmation confirmation) {
        UUID claimId;
        try {
            claimId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(ApplicationProblem.NIK_CLAIM_NOT_FOUND);
        }
        return claims.confirm(claimId, confirmation == null ? null : confirmation.code(), caller)
                .map(released -> Map.of("id", claimId, "released", released));
    }
}
