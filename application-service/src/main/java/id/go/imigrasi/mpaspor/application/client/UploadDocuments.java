package id.go.imigrasi.mpaspor.application.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

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
 * <p>
 * A document whose stored bytes fail their authentication (changed, cut or moved; upload-service answers
 * {@code upload-document-unreadable} and logs it for ops) is another matter: asking again cannot help, so the reader is
 * told 410 {@code document-unreadable}, without Retry-After; and it is that document's fault, not the store's, so it
 * does not count towards opening the circuit (before, a few reads of one tampered document answered "try again" and
 * then cut every officer off every document for 10 s).
 */
@ApplicationScoped
public class UploadDocuments {

    /** upload-service's problem type for stored bytes that fail their authentication. */
    static final String UNREADABLE = "/problems/upload-document-unreadable\"";

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
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000, skipOn = ProblemException.class)
    @CircuitBreakerName("upload-service")
    public Uni<Content> accepted(UUID uploadId) {
        String grant = grants.issue(uploadId, clock.instant().plus(lifetime));
        return api.document(uploadId, grant).map(response -> {
            String name = response.getHeaderString("X-Mpaspor-File-Name");
            return new Content(response.getMediaType() == null ? "application/octet-stream"
                    : response.getMediaType().toString(), name == null ? null
                    : URLDecoder.decode(name, StandardCharsets.UTF_8), response.getEntity());
        }).onFailure(WebApplicationException.class).recoverWithUni(failure -> {
            Response answer = ((WebApplicationException) failure).getResponse();
            if (answer.getStatus() == 404) {
                return Uni.createFrom().nullItem();
            }
            if (unreadable(answer)) {
                return Uni.createFrom().failure(ProblemException.of(ApplicationProblem.DOCUMENT_UNREADABLE));
            }
            return Uni.createFrom().failure(failure);
        });
    }

    /** upload-service's answer for a document that failed its integrity check (its problem type, status 500). */
    private static boolean unreadable(Response answer) {
        if (answer.getStatus() != 500 || answer.getMediaType() == null
                || !answer.getMediaType().toString().startsWith("application/problem+json")) {
            return false;
        }
        try {
            String body = answer.readEntity(String.class);
            return body != null && body.contains(UNREADABLE);
        } catch (RuntimeException unreadableAnswer) {
            return false;
        }
    }

    /** What the caller answers when upload-service cannot be reached (the failure is logged by the mapper). */
    public ProblemException unavailable() {
        return ProblemException.retryLater(ApplicationProblem.DOCUMENT_STORE_UNAVAILABLE, retryAfter);
    }
}
