package id.go.imigrasi.mpaspor.application.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentReadGrant;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * The one way to a document's bytes, which upload-service keeps (issue 24): once this service decided the caller may
 * read the document (and recorded an officer's read), it asks upload-service with a {@link DocumentReadGrant} for
 * that upload alone, valid for {@code mpaspor.application.documents.grant-lifetime}. A slow upload-service is cut
 * off ({@code @Timeout}) and a failing one costs nothing after a while ({@code @CircuitBreaker}); either answers 503
 * {@code document-store-unavailable} with Retry-After, never a 500.
 */
@ApplicationScoped
public class UploadDocuments {

    /** A document's type as the validation found it, the applicant's file name, the bytes. */
    public record Content(String contentType, String fileName, byte[] bytes) {
    }

    private final UploadServiceApi api;
    private final DocumentReadGrant grants;
    private final Duration lifetime;
    private final Duration retryAfter;
    private final Clock clock;

    public UploadDocuments(@RestClient UploadServiceApi api, ApplicationConfig config, Clock clock) {
        this.api = api;
        this.grants = DocumentReadGrant.withKey(config.documents().grantKey());
        this.lifetime = config.documents().grantLifetime();
        this.retryAfter = config.documents().storeRetryAfter();
        this.clock = clock;
    }

    /** The accepted document's content, or null when upload-service has no accepted document with this id. */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000)
    @CircuitBreakerName("upload-service")
    public Uni<Content> accepted(UUID uploadId) {
        String grant = grants.issue(uploadId, clock.instant().plus(lifetime));
        return api.document(uploadId, grant).map(response -> {
            String name = response.getHeaderString("X-Mpaspor-File-Name");
            return new Content(response.getMediaType() == null ? "application/octet-stream"
                    : response.getMediaType().toString(), name == null ? null
                    : URLDecoder.decode(name, StandardCharsets.UTF_8), response.getEntity());
        }).onFailure(WebApplicationException.class).recoverWithUni(failure -> {
            if (((WebApplicationException) failure).getResponse().getStatus() == 404) {
                return Uni.createFrom().nullItem();
            }
            return Uni.createFrom().failure(failure);
        });
    }

    /** What the caller answers when upload-service cannot be reached (the failure is logged by the mapper). */
    public ProblemException unavailable() {
        return ProblemException.retryLater(ApplicationProblem.DOCUMENT_STORE_UNAVAILABLE, retryAfter);
    }
}
