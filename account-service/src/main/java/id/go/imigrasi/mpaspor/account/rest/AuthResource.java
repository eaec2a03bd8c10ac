package id.go.imigrasi.mpaspor.account.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import id.go.imigrasi.mpaspor.account.rest.AccountApi.LoginRequest;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.RefreshRequest;
import id.go.imigrasi.mpaspor.account.service.AuthService;
import id.go.imigrasi.mpaspor.account.service.TokenIssuer;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@IdempotentReads
@Path("/auth")
@PermitAll
@Tag(name = "auth", description = "Log in and out; access tokens (15 min) and rotating refresh tokens")
public class AuthResource {

    private final AuthService auth;

    public AuthResource(AuthService auth) {
        this.auth = auth;
    }

    /** Email + password → a 15-minute access token and a refresh token. */
    @POST
    @Path("/login")
    @Operation(operationId = "login")
    public Uni<TokenIssuer.Tokens> login(@Valid @NotNull LoginRequest body, @Context HttpServerRequest request) {
        return auth.login(body.email(), body.password(), ClientAddress.of(request)).map(AuthResource::tokensOrProblem);
    }

    /** Spends the refresh token and returns a new pair (rotation). */
    @POST
    @Path("/refresh")
    @Operation(operationId = "refreshTokens")
    public Uni<TokenIssuer.Tokens> refresh(@Valid @NotNull RefreshRequest body) {
        return auth.refresh(body.refreshToken()).map(AuthResource::tokensOrProblem);
    }

    /** Ends the session of the refresh token (no access token needed); its access tokens are refused soon after. */
    @POST
    @Path("/logout")
    @ResponseStatus(204)
    @Operation(operationId = "logout")
    @APIResponse(responseCode = "204", description = "The session ended: its refresh token is revoked, its access tokens refused")
    public Uni<Void> logout(@Valid @NotNull RefreshRequest body) {
        return auth.logout(body.refreshToken());
    }

    private static TokenIssuer.Tokens tokensOrProblem(AuthService.Login outcome) {
        if (outcome.problem() != null) {
            throw outcome.problem();
        }
        return outcome.tokens();
    }
}
