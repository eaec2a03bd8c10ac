package id.go.imigrasi.mpaspor.application.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.domain.CollectiveMember;
import id.go.imigrasi.mpaspor.application.service.CollectiveBatchRequest;
import id.go.imigrasi.mpaspor.application.service.CollectiveBatches;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.PathIds;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The collective service ("Eazy Passport", issue 19): an officer registers a batch of people for a visit of their own
 * office; the officers of that office (and admins) follow it. Another office's batch answers 404.
 */
@IdempotentReads
@Path("/office/collective-batches")
@Tag(name = "office-desk", description = "For officers at the office desk: the day, check-in, interview, biometrics, decision, issuance; walk-in registration and collective batches")
@Produces(MediaType.APPLICATION_JSON)
public class CollectiveBatchResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern IDEMPOTENCY_KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** The answer to a registration: the batch and its state (CHECKING at first). */
    @Schema(name = "CollectiveBatchCreated")
    public record Created(@Schema(examples = "5f0c7a52-3c1e-4a8e-9d55-2b7f4c1e9a10") UUID id,
            @Schema(examples = "CHECKING") String state) {
    }

    /** One member: its application, its state in the batch and why it was refused. */
    @Schema(name = "CollectiveMemberView")
    public record MemberView(@Schema(description = "1-based, in the order entered", examples = "1") int position,
            @Schema(examples = "Dewi Lestari") String fullName,
            @Schema(examples = "3578014506900001") String nik,
            @Schema(description = "The member's application (read it as an officer of the office)") UUID applicationId,
            @Schema(enumeration = { "CHECKING", "VERIFIED", "REGISTERED", "REFUSED" }, description = "CHECKING:"
                    + " Dukcapil has not answered yet; VERIFIED: waiting for the walk-in places; REGISTERED: the"
                    + " application is submitted with its place (its bill follows); REFUSED: see reason")
            String state,
            @Schema(description = "NIK_NOT_REGISTERED, DUKCAPIL_MISMATCH, NOT_ENOUGH_PLACES, NOT_RELEASED, CLOSED,"
                    + " E_PASSPORT_CLOSED, NIK_ALREADY_HELD or SUBMISSION_REFUSED; null unless REFUSED") String reason,
            @Schema(description = "The application's own status (DRAFT, SUBMITTED, BILLED, ...)") String applicationStatus) {
    }

    @Schema(name = "CollectiveBatchView")
    public record BatchView(UUID id, @Schema(examples = "SMA Negeri 8 Jakarta") String organisation,
            @Schema(examples = "JKTSEL") String officeCode, String contactName, String contactEmail,
            String contactPhone, LocalDate date, @Schema(examples = "MORNING") String session,
            @Schema(examples = "ELECTRONIC") String passportKind,
            @Schema(enumeration = { "CHECKING", "REGISTERED", "PARTLY_REGISTERED", "REFUSED" }, description = "CHECKING"
                    + " until every member is registered or refused; REGISTERED: all; PARTLY_REGISTERED: some;"
                    + " REFUSED: none") String state,
            @Schema(description = "Why quota-service refused the batch (e.g. NOT_ENOUGH_PLACES), if it did") String reason,
            @Schema(description = "The walk-in places that were left when the batch was refused") Integer remaining,
            Instant createdAt, List<MemberView> members) {
    }

    private final CollectiveBatches batches;
    private final Caller caller;

    public CollectiveBatchResource(CollectiveBatches batches, Caller caller) {
        this.batches = batches;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "registerCollectiveBatch", summary = "Register a collective batch (1 to 50 people) for a visit of my office; retry-safe",
            description = "An officer registers a group (school, company, event) for the officer's own office (the"
                    + " token's office). Every field is checked at once: 400 with field errors named"
                    + " applicants[i].<field>; a NIK already in an active application is 422"
                    + " collective-nik-in-active-application (applicants[i].nik); nothing is created then. Each person"
                    + " becomes an application of their own, owned by the batch (no applicant account): its mails go to"
                    + " the coordinator's address. Every NIK is verified at Dukcapil; a person Dukcapil refuses is"
                    + " REFUSED in the batch with the reason, the others go on. The verified people's places are taken"
                    + " from the office's PRIORITY_WALK_IN line of the date and session, all or none"
                    + " (CollectiveBatchRegistered, then SlotHeld per person or CollectiveBatchRefused); each person's"
                    + " application is then submitted and billed as anyone's. Follow the batch at its Location. Send an"
                    + " Idempotency-Key to retry safely: the same key and batch answer 202 with the batch created"
                    + " first; the same key with another batch is 422 idempotency-key-reused.")
    @APIResponse(responseCode = "202", description = "Registered, being checked", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Created.class)), headers = @Header(name = "Location", description = "/api/v1/office/collective-batches/{id}", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid batch: every offending field (applicants[3].nik...)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or an invalid access token", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not an officer, or an officer without an office", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "collective-nik-in-active-application (field errors), idempotency-key-reused", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> register(CollectiveBatchRequest request,
            @Parameter(description = "Makes retries safe: the same key and batch return the same batch")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        String key = idempotencyKey(idempotencyKey);
        return batches.register(request, key, caller).map(batch -> Response
                .accepted(new Created(batch.id, batch.state.name()))
                .location(URI.create("/office/collective-batches/" + batch.id)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.ADMIN })
    @Operation(operationId = "getCollectiveBatch", summary = "A collective batch of my office: its state and each member's (an admin: any)")
    @APIResponse(responseCode = "200", description = "The batch", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "400", description = "An id that is no UUID (field error)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "collective-batch-not-found (or another office's)", content = @Content(mediaType = "application/problem+json"))
    public Uni<BatchView> batch(@PathParam("id") String id) {
        return batches.view(PathIds.uuid("id", id), caller).map(read -> {
            var b = read.batch();
            List<MemberView> members = read.members().stream().map(m -> member(m, read.statuses().get(m.applicationId)))
                    .toList();
            return new BatchView(b.id, b.organisation, b.officeCode, b.contactName, b.contactEmail, b.contactPhone,
                    b.visitDate, b.session, b.passportKind.name(), b.state.name(), b.reason, b.remaining, b.createdAt,
                    members);
        });
    }

    private static MemberView member(CollectiveMember m, ApplicationStatus status) {
        return new MemberView(m.position, m.fullName, m.nik, m.applicationId, m.state.name(), m.reason,
                status == null ? null : status.name());
    }

    /** Absent: null; otherwise 1 to 255 visible ASCII characters, or a 400 field error. */
    private static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY_FORMAT.matcher(key).matches()) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "validation.idempotency-key-format");
        }
        return key;
    }
}
