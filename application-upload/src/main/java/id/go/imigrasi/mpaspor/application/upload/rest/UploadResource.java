package id.go.imigrasi.mpaspor.application.upload.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import id.go.imigrasi.mpaspor.application.upload.UploadProblem;
import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;
import id.go.imigrasi.mpaspor.application.upload.domain.Checksum;
import id.go.imigrasi.mpaspor.application.upload.domain.Upload;
import id.go.imigrasi.mpaspor.application.upload.service.NewUpload;
import id.go.imigrasi.mpaspor.application.upload.service.UploadReceiver;
import id.go.imigrasi.mpaspor.application.upload.service.UploadService;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Resumable document uploads, tus 1.0.0 (https://tus.io/protocols/resumable-upload): core, creation,
 * expiration, checksum (sha1, sha256) and termination. Through the gateway: {@code /api/v1/uploads}. Every
 * response carries {@code Tus-Resumable} ({@link TusProtocolFilters}); PATCHes pass admission control first.
 */
@Path(Tus.ROOT)
@RolesAllowed(Roles.APPLICANT)
@Tag(name = "uploads", description = "Resumable document uploads (tus 1.0.0: creation, termination)")
public class UploadResource {

    private final UploadService uploads;
    private final UploadReceiver receiver;
    private final UploadConfig config;
    private final Caller caller;

    public UploadResource(UploadService uploads, UploadReceiver receiver, UploadConfig config, Caller caller) {
        this.uploads = uploads;
        this.receiver = receiver;
        this.config = config;
        this.caller = caller;
    }

    /** Discovery: what this server supports. No authentication, as tus clients and browsers ask first. */
    @OPTIONS
    @PermitAll
    @Operation(operationId = "discoverUploads", summary = "The tus protocol's discovery: version, extensions, largest size")
    @APIResponse(responseCode = "204", description = "Tus-Version, Tus-Extension and Tus-Max-Size")
    public Response options() {
        return discovery();
    }

    @OPTIONS
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "discoverUpload", summary = "The tus protocol's discovery, asked of an upload's URL")
    @APIResponse(responseCode = "204", description = "Tus-Version, Tus-Extension and Tus-Max-Size")
    public Response optionsOfUpload() {
        return discovery();
    }

    /** Creation: {@code Upload-Length} and {@code Upload-Metadata}; 201 with the upload's {@code Location}. */
    @POST
    @Operation(operationId = "createUpload", summary = "Create an upload for one document of one applicant (tus creation)",
            description = "Send `Tus-Resumable: 1.0.0`, the file's size in `Upload-Length` and the metadata (tus: comma-separated"
                    + " `key base64(value)` pairs) `applicationId`, `applicantId`, `documentType` (see the application's"
                    + " requirements) and `filename`; optionally `filetype`. Then PATCH the bytes to the `Location`.")
    @Parameter(name = "Tus-Resumable", in = ParameterIn.HEADER, required = true, description = "The tus version spoken",
            schema = @Schema(type = SchemaType.STRING, enumeration = "1.0.0"))
    @APIResponse(responseCode = "201", description = "The upload resource (tus creation); PATCH its Location with the bytes", headers = {
            @Header(name = "Location", description = "Where to PATCH the bytes: /api/v1/uploads/{id}", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            @Header(name = Tus.UPLOAD_OFFSET, description = "0: nothing received yet", schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
            @Header(name = Tus.UPLOAD_EXPIRES, description = "When an unfinished upload is removed (RFC 9110 date)", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "`upload-target-not-found`: the application or applicant named in the metadata is not the caller's")
    @APIResponse(responseCode = "409", description = "`upload-application-not-editable`: the application is no longer a draft;"
            + " or `upload-target-not-yet-known` (with `Retry-After`): the application or applicant was created a moment ago and"
            + " the upload service has not heard of it yet. Send the same request again after `Retry-After`: for at most 30 s,"
            + " then the answer is final (201 or 404)")
    @APIResponse(responseCode = "413", description = "`upload-too-large`: `Upload-Length` is larger than `Tus-Max-Size`")
    @APIResponse(responseCode = "412", description = "`upload-tus-version-unsupported`: `Tus-Resumable` is missing or not a version this server speaks (`Tus-Version` names ours)")
    public Uni<Response> create(
            @Parameter(required = true, description = "The file's size in bytes", example = "482133", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
            @HeaderParam(NewUpload.UPLOAD_LENGTH) String uploadLength,
            @Parameter(required = true, description = "tus metadata: `applicationId`, `applicantId`, `documentType`, `filename` (and `filetype`), each `key base64(value)`, comma-separated",
                    example = "applicationId MGI2YzFmNTUtMmIwZi00ZDM4LTlkMGUtN2E0YTUwZDNjMDAx,applicantId NWEyZDhjNDEtOWUxYi00ZjBhLThjM2QtMmUxZjRhNWI2Yzdk,documentType S1RQ,filename a3RwLWRld2kuanBn,filetype aW1hZ2UvanBlZw==")
            @HeaderParam("Upload-Metadata") String metadata,
            @Parameter(description = "Not supported: the size must be known when the upload is created (400 `upload.validation.defer-length`)")
            @HeaderParam(NewUpload.UPLOAD_DEFER_LENGTH) String deferLength,
            @Context HttpHeaders headers) {
        if (deferLength != null) {
            throw ProblemException.invalid(NewUpload.UPLOAD_DEFER_LENGTH, "upload.validation.defer-length");
        }
        NewUpload request = NewUpload.parse(uploadLength, metadata, config.maxSize());
        return uploads.create(account(), request).map(upload -> {
            Response.ResponseBuilder created = Response.status(Response.Status.CREATED)
                    // set as a header, not location(): JAX-RS would resolve a relative URI against our own host
                    .header(HttpHeaders.LOCATION, location(headers, config.publicBaseUrl(), upload.id).toString())
                    .header(Tus.UPLOAD_OFFSET, upload.offset);
            if (!upload.isComplete()) {
                created.header(Tus.UPLOAD_EXPIRES, Tus.httpDate(upload.expiresAt));
            }
            return created.build();
        });
    }

    /** Core: where to resume. */
    @HEAD
    @Path("{id}")
    @Operation(operationId = "getUploadOffset", summary = "Where to resume an upload (tus HEAD)")
    @Parameter(name = "Tus-Resumable", in = ParameterIn.HEADER, required = true, description = "The tus version spoken",
            schema = @Schema(type = SchemaType.STRING, enumeration = "1.0.0"))
    @APIResponse(responseCode = "200", description = "Upload-Offset: how many bytes the server has; resume from there", headers = {
            @Header(name = Tus.UPLOAD_OFFSET, description = "Bytes received", schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
            @Header(name = Tus.UPLOAD_LENGTH, description = "The upload's size", schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
            @Header(name = "Upload-Sha256", description = "Hex SHA-256 of what was stored, once the upload is complete", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "410", description = "`upload-expired`: the unfinished upload passed its `Upload-Expires`")
    @APIResponse(responseCode = "412", description = "`upload-tus-version-unsupported`: `Tus-Resumable` is missing or not a version this server speaks (`Tus-Version` names ours)")
    public Uni<Response> head(@PathParam("id") String id) {
        return uploads.find(account(), uploadId(id)).map(upload -> {
            Response.ResponseBuilder ok = Response.ok()
                    .header(Tus.UPLOAD_OFFSET, upload.offset)
                    .header(Tus.UPLOAD_LENGTH, upload.length)
                    .header("Upload-Metadata", upload.metadata)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
            expires(ok, upload);
            if (upload.sha256 != null) {
                // a finished upload tells its owner the digest of what was stored, to check nothing was corrupted
                ok.header("Upload-Sha256", upload.sha256);
            }
            return ok.build();
        });
    }

    /**
     * Core: bytes at the current offset. Runs on a worker thread and streams the body into the store; admission
     * control ({@link TusProtocolFilters}) has already let it in.
     */
    @PATCH
    @Path("{id}")
    @Blocking
    @Consumes(Tus.OFFSET_OCTET_STREAM)
    @Operation(operationId = "appendUpload", summary = "Send the next bytes of an upload (tus PATCH)",
            description = "The body goes at `Upload-Offset`, which must be the server's offset (HEAD it after an"
                    + " interruption); `Upload-Checksum` (`sha256 base64(digest)` or `sha1 ...`) makes the server refuse"
                    + " corrupted bytes (460).")
    @Parameter(name = "Tus-Resumable", in = ParameterIn.HEADER, required = true, description = "The tus version spoken",
            schema = @Schema(type = SchemaType.STRING, enumeration = "1.0.0"))
    @APIResponse(responseCode = "204", description = "Stored; Upload-Offset is the new offset", headers = @Header(name = Tus.UPLOAD_OFFSET, description = "The new offset", schema = @Schema(type = SchemaType.INTEGER, format = "int64")))
    @APIResponse(responseCode = "409", description = "`upload-offset-mismatch`: `Upload-Offset` is not the server's offset (HEAD the upload and resume from there); `upload-busy`: another PATCH of it is running; `upload-complete`; `upload-application-not-editable`: the last bytes arrived after the application stopped being a draft (they are not kept)")
    @APIResponse(responseCode = "410", description = "`upload-expired`: the unfinished upload passed its `Upload-Expires`")
    @APIResponse(responseCode = "413", description = "`upload-exceeds-length`: the body would go past `Upload-Length`")
    @APIResponse(responseCode = "412", description = "`upload-tus-version-unsupported`: `Tus-Resumable` is missing or not a version this server speaks (`Tus-Version` names ours)")
    @APIResponse(responseCode = "415", description = "`unsupported-media-type`: `Content-Type` is not `application/offset+octet-stream`; nothing was stored")
    @APIResponse(responseCode = "460", description = "`upload-checksum-mismatch`: the bytes do not match `Upload-Checksum`; nothing was stored")
    public Response patch(@PathParam("id") String id,
            @Parameter(required = true, description = "Where these bytes go: the server's current offset", example = "0", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
            @HeaderParam(Tus.UPLOAD_OFFSET) String offset,
            // set by every HTTP client from the body; not a parameter a client chooses
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @Parameter(description = "`sha256 <base64 digest>` (or sha1) of this request's body: corrupted bytes are refused (460)", example = "sha256 n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=")
            @HeaderParam(Checksum.HEADER) String checksum, InputStream body) {
        UUID uploadId = uploadId(id);
        long clientOffset = nonNegative(Tus.UPLOAD_OFFSET, offset, true);
        long declared = nonNegative(HttpHeaders.CONTENT_LENGTH, contentLength, false);
        Checksum expected = Checksum.parse(checksum);
        UploadReceiver.Progress progress = receiver.patch(account(), uploadId, clientOffset, declared, expected,
                body);
        Response.ResponseBuilder done = Response.noContent().header(Tus.UPLOAD_OFFSET, progress.offset());
        if (progress.expiresAt() != null) {
            done.header(Tus.UPLOAD_EXPIRES, Tus.httpDate(progress.expiresAt()));
        }
        return done.build();
    }

    /** Termination of a partial upload: its row and its bytes are gone. */
    @DELETE
    @Path("{id}")
    @Operation(operationId = "terminateUpload", summary = "Abandon an upload (tus termination)")
    @Parameter(name = "Tus-Resumable", in = ParameterIn.HEADER, required = true, description = "The tus version spoken",
            schema = @Schema(type = SchemaType.STRING, enumeration = "1.0.0"))
    @APIResponse(responseCode = "409", description = "`upload-complete`: a complete upload is a document now; `upload-busy`: a PATCH or DELETE of it is running")
    @APIResponse(responseCode = "410", description = "`upload-expired`: the unfinished upload passed its `Upload-Expires` (the cleanup removes it)")
    @APIResponse(responseCode = "412", description = "`upload-tus-version-unsupported`: `Tus-Resumable` is missing or not a version this server speaks (`Tus-Version` names ours)")
    @APIResponse(responseCode = "204", description = "Terminated and removed")
    public Uni<Response> delete(@PathParam("id") String id) {
        return uploads.terminate(account(), uploadId(id)).replaceWith(() -> Response.noContent().build());
    }

    private Response discovery() {
        return Response.noContent()
                .header(Tus.TUS_VERSION, Tus.VERSION)
                .header(Tus.TUS_EXTENSION, Tus.EXTENSIONS)
                .header(Tus.TUS_MAX_SIZE, config.maxSize())
                .header(Tus.TUS_CHECKSUM_ALGORITHM, String.join(",", Checksum.ALGORITHMS))
                .build();
    }

    private static void expires(Response.ResponseBuilder response, Upload upload) {
        if (!upload.isComplete()) {
            response.header(Tus.UPLOAD_EXPIRES, Tus.httpDate(upload.expiresAt));
        }
    }

    /**
     * The upload's URL as the client must use it, never built from what the client sent ({@code Host},
     * {@code X-Forwarded-Host}, {@code X-Forwarded-Prefix} are the client's to forge, and a Location pointing
     * elsewhere would take the document and the token there). Behind the gateway (which marks the requests it
     * forwards with {@code X-Forwarded-Prefix}) it is the configured {@code mpaspor.upload.public-base-url}
     * followed by {@code /uploads/{id}}; called directly, or with no public URL configured, it is the absolute
     * path {@code /uploads/{id}}, which tus clients resolve against the URL they created the upload with. The
     * header only chooses between these two; none of its text reaches the answer.
     */
    static URI location(HttpHeaders headers, Optional<URI> publicBaseUrl, UUID id) {
        String path = Tus.ROOT + "/" + id;
        boolean viaGateway = headers.getHeaderString("X-Forwarded-Prefix") != null;
        if (viaGateway && publicBaseUrl.isPresent()) {
            return URI.create(publicBaseUrl.get().toString().replaceAll("/+$", "") + path);
        }
        return URI.create(path);
    }

    private UUID account() {
        try {
            return UUID.fromString(caller.accountId());
        } catch (IllegalArgumentException notOurToken) {
            throw ProblemException.of(CommonProblem.UNAUTHORIZED);
        }
    }

    private static UUID uploadId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(UploadProblem.UPLOAD_NOT_FOUND);
        }
    }

    private static long nonNegative(String header, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(header, "upload.validation.header-required");
            }
            return -1;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ProblemException.invalid(header, "upload.validation.non-negative-integer");
    }
}
