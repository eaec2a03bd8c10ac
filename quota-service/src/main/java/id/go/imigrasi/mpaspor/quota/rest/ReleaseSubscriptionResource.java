package id.go.imigrasi.mpaspor.quota.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import id.go.imigrasi.mpaspor.quota.domain.ReleaseSubscription;
import id.go.imigrasi.mpaspor.quota.service.ReleaseSubscriptions;
import io.smallrye.mutiny.Uni;

/**
 * "Tell me when this office releases quota" (issue 22): the caller's subscriptions to offices' releases. Each release
 * of a subscribed office mails the address of the caller's token, in the language of the subscribing request's
 * Accept-Language (Bahasa Indonesia unless English is asked for), until the caller unsubscribes here or with the
 * mail's link. Subscribing and unsubscribing are {@code PUT}/{@code DELETE /offices/{code}/release-subscription}
 * ({@link OfficeResource}: JAX-RS picks the resource class by its path first, so everything under /offices lives there).
 */
@IdempotentReads
@Path("/release-subscriptions")
@Tag(name = "release-subscriptions", description = "Mail me when an office releases quota")
public class ReleaseSubscriptionResource {

    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Schema(description = "A subscription to an office's quota releases: every release of the office is mailed")
    public record SubscriptionView(
            @Schema(description = "The office's code", example = "JKTSEL") String officeCode,
            @Schema(description = "Where the mails go: the account's address when it subscribed", example = "siti@example.id") String email,
            @Schema(description = "The mails' language", enumeration = { "id", "en" }, example = "id") String language,
            @Schema(description = "When the subscription was made") Instant subscribedAt) {

        static SubscriptionView of(ReleaseSubscription s) {
            return new SubscriptionView(s.officeCode, s.email, s.language, s.createdAt);
        }
    }

    private final ReleaseSubscriptions subscriptions;
    private final Caller caller;

    public ReleaseSubscriptionResource(ReleaseSubscriptions subscriptions, Caller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "listMyReleaseSubscriptions", summary = "The offices whose releases are mailed to me, by office code")
    @APIResponse(responseCode = "200", description = "My subscriptions", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid access token", content = @Content(mediaType = "application/problem+json"))
    public Uni<List<SubscriptionView>> mine() {
        return subscriptions.of(caller.accountId()).map(list -> list.stream().map(SubscriptionView::of).toList());
    }

    /**
     * The mail's unsubscribe link, without logging in: the token is a random value only that mail carries. An
     * unknown token answers the same (already unsubscribed), so the answer tells nothing about other tokens.
     */
    @POST
    @Path("unsubscribe")
    @PermitAll
    @Operation(operationId = "unsubscribeFromReleasesByLink", summary = "Unsubscribe with the token of a release mail's link (no login)")
    @APIResponse(responseCode = "204", description = "The token's subscription no longer exists")
    @APIResponse(responseCode = "400", description = "A missing or malformed token", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> unsubscribeByLink(
            @Parameter(description = "The token of the mail's unsubscribe link", required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("token") String token) {
        if (token == null || !CANONICAL_UUID.matcher(token).matches()) {
            throw ProblemException.invalid("token", "quota.unsubscribe-token-format");
        }
        return subscriptions.unsubscribe(UUID.fromString(token)).map(v -> Response.noContent().build());
    }
}
