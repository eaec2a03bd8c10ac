package id.go.imigrasi.mpaspor.application.upload.rest;

import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import id.go.imigrasi.mpaspor.application.upload.UploadProblem;
import id.go.imigrasi.mpaspor.application.upload.admission.PatchAdmission;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The parts of tus that hold for every request of {@code /uploads}: {@code X-HTTP-Method-Override} (clients whose
 * HTTP stack cannot send PATCH, like tus-java-client on HttpURLConnection), the {@code Tus-Resumable} version
 * check (412), {@code Tus-Resumable} on every response, and admission control of PATCH on the event loop -
 * before any worker thread is taken, so a refused request is answered at once.
 */
public class TusProtocolFilters {

    private final PatchAdmission admission;
    private final CurrentIdentityAssociation identity;

    public TusProtocolFilters(PatchAdmission admission, CurrentIdentityAssociation identity) {
        this.admission = admission;
        this.identity = identity;
    }

    /** Pre-matching filters run on the event loop, before the request is matched or given a worker thread. */
    @ServerRequestFilter(preMatching = true)
    public Uni<Void> tusRequest(ContainerRequestContext request, RoutingContext routing) {
        if (!Tus.isUploadPath(request.getUriInfo().getPath())) {
            return Uni.createFrom().voidItem();
        }
        String override = request.getHeaderString(Tus.METHOD_OVERRIDE);
        if (override != null && !override.isBlank()) {
            request.setMethod(override.trim().toUpperCase(Locale.ROOT));
        }
        if ("OPTIONS".equals(request.getMethod())) {
            return Uni.createFrom().voidItem();
        }
        if (!Tus.VERSION.equals(request.getHeaderString(Tus.TUS_RESUMABLE))) {
            return Uni.createFrom().failure(ProblemException.of(UploadProblem.VERSION_UNSUPPORTED, Tus.VERSION));
        }
        if (!"PATCH".equals(request.getMethod())) {
            return admitted(admission.tryAdmitRequest(), routing);
        }
        // the instance's limits first, from the headers alone: an overloaded instance refuses at once
        PatchAdmission.Decision instance = admission.tryAdmitPatch(declaredLength(request));
        if (!instance.isAdmitted()) {
            return admitted(instance, routing);
        }
        PatchAdmission.Permit permit = instance.permit();
        routing.addEndHandler(ended -> permit.release());
        return identity.getDeferredIdentity().chain(who -> {
            if (who.isAnonymous() || !(who.getPrincipal() instanceof JsonWebToken jwt)) {
                return Uni.createFrom().voidItem(); // the resource answers 401
            }
            return admitted(permit.claimShare(jwt.getSubject()), routing);
        });
    }

    /**
     * Lets an admitted request through, its permit released when the response is done or the connection closed
     * (whatever happened in between); a refused one fails with 503 or 429 and its Retry-After. The refusal is
     * decided before the body is read: a client that sent {@code Expect: 100-continue} gets the final answer
     * instead of {@code 100 Continue} and never sends the body (Quarkus sends 100 only when the body is read).
     */
    private static Uni<Void> admitted(PatchAdmission.Decision decision, RoutingContext routing) {
        if (!decision.isAdmitted()) {
            return Uni.createFrom().failure(ProblemException.retryLater(
                    decision.refusal() == PatchAdmission.Decision.Refusal.FAIR_SHARE
                            ? UploadProblem.FAIR_SHARE
                            : UploadProblem.OVERLOADED,
                    decision.retryAfter()));
        }
        PatchAdmission.Permit permit = decision.permit();
        routing.addEndHandler(ended -> permit.release());
        return Uni.createFrom().voidItem();
    }

    @ServerResponseFilter
    public void tusHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (Tus.isUploadPath(request.getUriInfo().getPath())) {
            response.getHeaders().putSingle(Tus.TUS_RESUMABLE, Tus.VERSION);
            if (response.getStatus() == 412) {
                response.getHeaders().putSingle(Tus.TUS_VERSION, Tus.VERSION);
            }
            if ((response.getStatus() == 429 || response.getStatus() == 503) && hasBody(request)) {
                // the client was refused before we read its body: do not keep the connection for the rest of it
                // (a refused creation or HEAD has none, its connection stays open for the retry)
                response.getHeaders().putSingle("Connection", "close");
            }
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return declaredLength(request) > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    private static long declaredLength(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
