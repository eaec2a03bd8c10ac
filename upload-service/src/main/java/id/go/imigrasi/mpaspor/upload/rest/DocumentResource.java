package id.go.imigrasi.mpaspor.upload.rest;

import java.time.Clock;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.application.upload.UploadContents;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentReadGrant;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.upload.UploadServiceProblem;
import id.go.imigrasi.mpaspor.upload.config.UploadServiceConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * An accepted document's bytes, for application-service only: it decides who may read a document (the owner; an
 * officer at the desk, the read recorded first) and asks here with a {@link DocumentReadGrant} for that upload, valid
 * for seconds. Not routed by the gateway (which sends {@code /api/v1/uploads} here, not {@code /documents}); without
 * a valid grant the answer is 404, as for an upload that does not exist.
 */
@Path("/documents")
@IdempotentReads
@Tag(name = "documents", description = "Service to service: an accepted document's bytes, for a grant of application-service")
public class DocumentResource {

    static final String FILE_NAME_HEADER = "X-Mpaspor-File-Name";

    private final UploadContents contents;
    private final DocumentReadGrant grants;
    private final Clock clock;

    public DocumentResource(UploadContents contents, UploadServiceConfig config, Clock clock) {
        this.contents = contents;
        this.grants = DocumentReadGrant.withKey(config.documentGrantKey());
        this.clock = clock;
    }

    @GET
    @Path("{uploadId}")
    @PermitAll
    @Operation(operationId = "readGrantedDocument", summary = "An accepted document's bytes, for application-service's"
            + " grant of this upload (header X-Mpaspor-Document-Grant)")
    @APIResponse(responseCode = "200", description = "The bytes, with the type the validation found by content and the"
            + " applicant's file name in X-Mpaspor-File-Name")
    @APIResponse(responseCode = "404", description = "No grant, a grant for another upload or expired, or no accepted"
            + " document with this id (problem+json)")
    public Uni<Response> read(@PathParam("uploadId") UUID uploadId,
            @Parameter(description = "application-service's grant for this upload")
            @HeaderParam(DocumentReadGrant.HEADER) String grant) {
        if (!grants.permits(grant, uploadId, clock.instant())) {
            throw ProblemException.of(UploadServiceProblem.DOCUMENT_NOT_GRANTED);
        }
        return Panache.withSession(() -> contents.accepted(uploadId)).map(content -> {
            if (content == null) {
                throw ProblemException.of(UploadServiceProblem.DOCUMENT_NOT_GRANTED);
            }
            return Response.ok(content.bytes(), content.contentType())
                    .header(FILE_NAME_HEADER, java.net.URLEncoder.encode(content.fileName() == null ? ""
                            : content.fileName(), java.nio.charset.StandardCharsets.UTF_8))
                    .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").build();
        });
    }
}
