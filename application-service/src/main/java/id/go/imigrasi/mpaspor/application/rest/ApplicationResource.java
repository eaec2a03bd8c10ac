package id.go.imigrasi.mpaspor.application.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import id.go.imigrasi.mpaspor.application.service.ApplicationViews.Created;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.Detail;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.RequirementsView;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.Summary;
import id.go.imigrasi.mpaspor.application.service.ApplicantRequest;
import id.go.imigrasi.mpaspor.application.service.ApplicationQueries;
import id.go.imigrasi.mpaspor.application.service.DocumentReads;
import id.go.imigrasi.mpaspor.application.service.Applications;
import id.go.imigrasi.mpaspor.application.service.Submissions;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.PathIds;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Applications: an applicant creates and changes only their own (others' answer 404); an officer reads those
 * booked at their office; admins read all.
 */
@IdempotentReads
@Path("/applications")
@Tag(name = "applications", description = "Applications for up to five applicants, their questionnaire and documents, submission")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    /** An applicant as added or corrected: its id and its Dukcapil verification state. */
    public record ApplicantAdded(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(example = "0b6c1f55-2b0f-4d38-9d0e-7a4a50d3c001") UUID id,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(example = "VERIFIED", description = "PENDING, VERIFIED, MISMATCH or UNAVAILABLE") String verification) {
    }

    private final Applications applications;
    private final Submissions submissions;
    private final ApplicationQueries queries;
    private final Caller caller;
    private final DocumentReads documentReads;

    public ApplicationResource(Applications applications, Submissions submissions, ApplicationQueries queries,
            Caller caller, DocumentReads documentReads) {
        this.documentReads = documentReads;
        this.applications = applications;
        this.submissions = submissions;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "createApplication", summary = "Start an application (a draft) for up to five applicants")
    @APIResponse(responseCode = "201", description = "The draft", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Created.class)), headers = @Header(name = "Location", description = "/api/v1/applications/{id}", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> create() {
        return applications.create(caller).map(app -> Response.created(URI.create("/applications/" + app.id))
                .entity(new Created(app.id, app.status.name())).build());
    }

    @GET
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "listApplications", summary = "My applications (an officer: those booked at their office)")
    public Uni<List<Summary>> list() {
        return queries.list(caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "getApplication", summary = "An application: applicants, their documents and states, billing, timeline")
    public Uni<Detail> detail(@PathParam("id") String id) {
        return queries.detail(uuid(id), caller);
    }

    @GET
    @Path("/{id}/requirements")
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "getRequirements", summary = "Per applicant: the required documents, the accepted file types and limits, each state")
    public Uni<RequirementsView> requirements(@PathParam("id") String id) {
        return queries.requirements(uuid(id), caller);
    }

    @POST
    @Path("/{id}/applicants")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "addApplicant", summary = "Add an applicant (identity, NIK checked and verified at Dukcapil, questionnaire)")
    @APIResponse(responseCode = "201", description = "The applicant and their Dukcapil verification state", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicantAdded.class)), headers = @Header(name = "Location", description = "/api/v1/applications/{id}/applicants/{applicantId}", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "application-not-editable (no longer a draft), applicant-limit-reached (the application already has the most applicants, five), nik-in-active-application (the NIK is in another active application, or already in this one)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "authority-not-declared (the declaration of authority is missing or impossible, e.g. a minor declared SELF, and no other field is wrong: field error on authority), dukcapil-verification-failed (the NIK is not registered, or name, birth place, sex or birth date differ from Dukcapil's: a field error each); nothing is stored", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> addApplicant(@PathParam("id") String id, ApplicantRequest request) {
        UUID applicationId = uuid(id);
        return applications.addApplicant(applicationId, request, caller).map(a -> Response
                .created(URI.create("/applications/" + applicationId + "/applicants/" + a.id))
                .entity(new ApplicantAdded(a.id, a.verification.name())).build());
    }

    @PUT
    @Path("/{id}/applicants/{applicantId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "updateApplicant", summary = "Correct an applicant (re-verified at Dukcapil when NIK or birth date change)")
    @APIResponse(responseCode = "200", description = "The applicant and their Dukcapil verification state", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicantAdded.class)))
    @APIResponse(responseCode = "409", description = "application-not-editable (no longer a draft), nik-in-active-application (the new NIK is in another active application, or already in this one)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "authority-not-declared (the declaration of authority is missing or impossible, e.g. a minor declared SELF, and no other field is wrong: field error on authority), dukcapil-verification-failed (re-verified and the NIK is not registered, or the identity differs from Dukcapil's: a field error each); nothing is changed", content = @Content(mediaType = "application/problem+json"))
    public Uni<ApplicantAdded> updateApplicant(@PathParam("id") String id,
            @PathParam("applicantId") String applicantId, ApplicantRequest request) {
        return applications.updateApplicant(uuid(id), applicantUuid(applicantId), request, caller)
                .map(a -> new ApplicantAdded(a.id, a.verification.name()));
    }

    @DELETE
    @Path("/{id}/applicants/{applicantId}")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "removeApplicant", summary = "Remove an applicant from a draft")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "application-not-editable: the application is no longer a draft", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> removeApplicant(@PathParam("id") String id, @PathParam("applicantId") String applicantId) {
        return applications.removeApplicant(uuid(id), applicantUuid(applicantId), caller)
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/applicants/{applicantId}/documents/{documentType}")
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER })
    @Produces({ "image/jpeg", "image/png", "application/pdf", "application/problem+json" })
    @Operation(operationId = "getApplicantDocument", summary = "Open an applicant's accepted document: the owner, or an officer at the desk (recorded)",
            description = "An officer opens the documents only of an applicant checked in at the officer's own office"
                    + " today; each read is recorded as ApplicantDocumentRead (officerId) before a byte is sent."
                    + " The type is the one the validation found by content.")
    @APIResponse(responseCode = "200", description = "The document (image/jpeg, image/png or application/pdf), never cached", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "An id that is no UUID, or no known document code (field error)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "document-not-at-the-desk: an officer, and the applicant is not checked in at their office today", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "application-not-found (or another office's), applicant-not-found, document-not-found (none accepted of that type)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "410", description = "document-unreadable: the stored file failed its integrity check and is not served; asking again will not help (recorded for ops)", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> document(@PathParam("id") String id, @PathParam("applicantId") String applicantId,
            @PathParam("documentType") String documentType) {
        return documentReads.read(uuid(id), applicantUuid(applicantId), documentType, caller)
                .map(content -> Response.ok(content.bytes(), content.contentType())
                        .header("Cache-Control", "no-store")
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Disposition", "inline; filename=\"" + documentType.toLowerCase()
                                + extension(content.contentType()) + "\"")
                        .build());
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> ".pdf";
        };
    }

    @POST
    @Path("/{id}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "submitApplication", summary = "Submit with the quota hold that covers every applicant; publishes ApplicationSubmitted")
    @APIResponse(responseCode = "202", description = "Submitted: the bill follows within seconds (GET /api/v1/bills?applicationId=, see docs/integration.md)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "409", description = "hold-not-yet-known (quota-service has not announced the hold yet: retry after Retry-After), application-not-editable (no longer a draft, or submitted with another hold), hold-expired (the hold expired or was released: pick a slot again)", content = @Content(mediaType = "application/problem+json"), headers = @Header(name = "Retry-After", description = "With hold-not-yet-known: seconds until the submission may be retried", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "422", description = "submission-incomplete (an applicant not verified or a required document not accepted: every gap as a field error), hold-not-yours (another account's hold, or used by another application), hold-does-not-cover-applicants (an applicant's NIK is not in the hold), hold-passport-kind-mismatch (an e-passport applicant with an ordinary-passport hold), hold-service-line-mismatch (same-day applicants without a SAME_DAY hold, or regular ones with one)", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> submit(@PathParam("id") String id, @Valid SubmissionRequest request) {
        return submissions.submit(uuid(id), request == null ? null : request.holdId(), caller)
                .map(app -> Response.accepted(new Created(app.id, app.status.name())).build());
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "cancelApplication", summary = "Cancel before payment; publishes ApplicationCancelled")
    @APIResponse(responseCode = "202", description = "Cancelled: the hold and the bill are released", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "409", description = "application-not-cancellable: the bill is already paid (no online cancellation after payment) or the application has ended", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> cancel(@PathParam("id") String id) {
        return submissions.cancel(uuid(id), caller)
                .map(app -> Response.accepted(new Created(app.id, app.status.name())).build());
    }

    /** An id that is no UUID names nothing that could exist: 400 on the path parameter, not 404 (issue 21). */
    private static UUID uuid(String id) {
        return PathIds.uuid("id", id);
    }

    private static UUID applicantUuid(String id) {
        return PathIds.uuid("applicantId", id);
    }
}
