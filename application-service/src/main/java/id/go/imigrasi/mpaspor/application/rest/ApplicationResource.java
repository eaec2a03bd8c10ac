package id.go.imigrasi.mpaspor.application.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
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

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.rest.ApplicationViews.Created;
import id.go.imigrasi.mpaspor.application.rest.ApplicationViews.Detail;
import id.go.imigrasi.mpaspor.application.rest.ApplicationViews.RequirementsView;
import id.go.imigrasi.mpaspor.application.rest.ApplicationViews.Summary;
import id.go.imigrasi.mpaspor.application.service.ApplicationQueries;
import id.go.imigrasi.mpaspor.application.service.Applications;
import id.go.imigrasi.mpaspor.application.service.Submissions;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Applications: an applicant creates and changes only their own (others' answer 404); an officer reads those
 * booked at their office; admins read all.
 */
@Path("/applications")
@Tag(name = "applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final Applications applications;
    private final Submissions submissions;
    private final ApplicationQueries queries;
    private final Caller caller;

    public ApplicationResource(Applications applications, Submissions submissions, ApplicationQueries queries,
            Caller caller) {
        this.applications = applications;
        this.submissions = submissions;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.APPLICANT)
    @Operation(summary = "Start an application (a draft) for up to five applicants")
    public Uni<Response> create() {
        return applications.create(caller).map(app -> Response.created(URI.create("/applications/" + app.id))
                .entity(new Created(app.id, app.status.name())).build());
    }

    @GET
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(summary = "My applications (an officer: those booked at their office)")
    public Uni<List<Summary>> list() {
        return queries.list(caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(summary = "An application: applicants, their documents and states, billing, timeline")
    public Uni<Detail> detail(@PathParam("id") String id) {
        return queries.detail(uuid(id), caller);
    }

    @GET
    @Path("/{id}/requirements")
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
    @Operation(summary = "Per applicant: the required documents, the accepted file types and limits, each state")
    public Uni<RequirementsView> requirements(@PathParam("id") String id) {
        return queries.requirements(uuid(id), caller);
    }

    @POST
    @Path("/{id}/applicants")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(summary = "Add an applicant (identity, NIK checked and verified at Dukcapil, questionnaire)")
    public Uni<Response> addApplicant(@PathParam("id") String id, ApplicantRequest request) {
        UUID applicationId = uuid(id);
        return applications.addApplicant(applicationId, request, caller).map(a -> Response
                .created(URI.create("/applications/" + applicationId + "/applicants/" + a.id))
                .entity(Map.of("id", a.id, "verification", a.verification.name())).build());
    }

    @PUT
    @Path("/{id}/applicants/{applicantId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(summary = "Correct an applicant (re-verified at Dukcapil when NIK or birth date change)")
    public Uni<Map<String, Object>> updateApplicant(@PathParam("id") String id,
            @PathParam("applicantId") String applicantId, ApplicantRequest request) {
        return applications.updateApplicant(uuid(id), applicantUuid(applicantId), request, caller)
                .map(a -> Map.of("id", a.id, "verification", a.verification.name()));
    }

    @DELETE
    @Path("/{id}/applicants/{applicantId}")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(summary = "Remove an applicant from a draft")
    public Uni<Response> removeApplicant(@PathParam("id") String id, @PathParam("applicantId") String applicantId) {
        return applications.removeApplicant(uuid(id), applicantUuid(applicantId), caller)
                .map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(summary = "Submit with the quota hold that covers every applicant; publishes ApplicationSubmitted")
    public Uni<Response> submit(@PathParam("id") String id, @Valid SubmissionRequest request) {
        return submissions.submit(uuid(id), request == null ? null : request.holdId(), caller)
                .map(app -> Response.accepted(new Created(app.id, app.status.name())).build());
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(summary = "Cancel before payment; publishes ApplicationCancelled")
    public Uni<Response> cancel(@PathParam("id") String id) {
        return submissions.cancel(uuid(id), caller)
                .map(app -> Response.accepted(new Created(app.id, app.status.name())).build());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(ApplicationProblem.APPLICATION_NOT_FOUND);
        }
    }

    private static UUID applicantUuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(ApplicationProblem.APPLICANT_NOT_FOUND);
        }
    }
}
