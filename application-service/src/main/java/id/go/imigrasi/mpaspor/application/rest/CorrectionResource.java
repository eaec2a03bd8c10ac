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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.application.service.CorrectionRequest;
import id.go.imigrasi.mpaspor.application.service.Corrections;
import id.go.imigrasi.mpaspor.application.service.Corrections.Corrected;
import id.go.imigrasi.mpaspor.application.service.Corrections.CorrectionView;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.PathIds;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Corrections of an applicant's data after submission (issue 22): the applicant, or an officer of the office the
 * application is booked at; each changed field is audited. Before submission the applicant is edited with PUT.
 */
@IdempotentReads
@Path("/applications/{id}/applicants/{applicantId}/corrections")
@Tag(name = "applications")
@Produces(MediaType.APPLICATION_JSON)
public class CorrectionResource {

    private final Corrections corrections;
    private final Caller caller;

    public CorrectionResource(Corrections corrections, Caller caller) {
        this.corrections = corrections;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "correctApplicant", summary = "Correct an applicant after submission (address, phone, travelPurpose) until check-in; publishes ApplicantDataCorrected",
            description = "Each changed field is audited (who, when, old and new value, reason) and on the timeline as"
                    + " APPLICANT_DATA_CORRECTED (the fields only). A value equal to the current one changes nothing.")
    @APIResponse(responseCode = "200", description = "The audit rows written", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Corrected.class)))
    @APIResponse(responseCode = "400", description = "Field errors: no field, an unknown field, a bad value, no reason", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "application-not-found (not mine, another office's), applicant-not-found", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "correction-of-draft, correction-after-check-in, correction-of-finished-application", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "correction-at-office: a field error per field only the office may change, saying why; nothing changed", content = @Content(mediaType = "application/problem+json"))
    public Uni<Corrected> correct(@PathParam("id") String id, @PathParam("applicantId") String applicantId,
            CorrectionRequest request) {
        return corrections.correct(PathIds.uuid("id", id), PathIds.uuid("applicantId", applicantId), request,
                caller);
    }

    @GET
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "listApplicantCorrections", summary = "The applicant's corrections after submission, oldest first")
    public Uni<List<CorrectionView>> list(@PathParam("id") String id, @PathParam("applicantId") String applicantId) {
        return corrections.ofApplicant(PathIds.uuid("id", id), PathIds.uuid("applicantId", applicantId), caller);
    }
}
