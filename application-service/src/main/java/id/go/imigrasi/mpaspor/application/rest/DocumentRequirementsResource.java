package id.go.imigrasi.mpaspor.application.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.application.service.DocumentAdvice;
import id.go.imigrasi.mpaspor.application.service.DocumentAdvice.Advice;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;

/**
 * The document advisor (public): which documents a kind of applicant needs, asked by the website and mobile apps
 * before anyone has an account. Reads no data (the platform's read-retry marker is there as on every read).
 */
@IdempotentReads
@Path("/document-requirements")
@Tag(name = "document-requirements", description = "Which documents each kind of applicant needs, before applying")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentRequirementsResource {

    private final DocumentAdvice advice;

    public DocumentRequirementsResource(DocumentAdvice advice) {
        this.advice = advice;
    }

    @GET
    @PermitAll
    @Operation(operationId = "adviseDocuments", summary = "The documents one kind of applicant needs, the file limits,"
            + " and for a lost or damaged passport what to bring to the office",
            description = "The same matrix an application's checklist and submission are held to. 400 with field"
                    + " errors for an unknown applicationType, a birthDate that is not yyyy-MM-dd or is in the future,"
                    + " or a minor that is not true or false.")
    public Advice advise(
            @QueryParam("applicationType") @Parameter(description = "NEW, RENEWAL, NAME_CHANGE, LOST or DAMAGED", example = "NEW", required = true) String applicationType,
            @QueryParam("birthDate") @Parameter(description = "yyyy-MM-dd; younger than the adult age gets the minors' documents (wins over minor)", example = "2015-03-14") String birthDate,
            @QueryParam("minor") @Parameter(description = "true for a minor when the birth date is not given", example = "false") String minor) {
        return advice.advise(applicationType, birthDate, minor);
    }
}
