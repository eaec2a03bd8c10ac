package id.go.imigrasi.mpaspor.account.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @APIResponse(responseCode = "200", description = "Logged in: a 15-minute access token and a refresh token", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenIssuer.Tokens.class)))
    @APIResponse(responseCode = "401", description = "`invalid-credentials`: no account with this e-mail, or a wrong password (the same answer for both); the attempt counts toward `login-locked`")
    @APIResponse(responseCode = "403", description = "The right password, but no login (said only after the right password): `account-not-verified` (the e-mail's code was never confirmed: POST /accounts/verification), `account-disabled` (an officer disabled by an admin), `account-erasure-pending` (the holder asked for the account's erasure)")
    @APIResponse(responseCode = "429", description = "`login-locked`: too many attempts at this e-mail's password (from this client, or from everywhere); the password was not checked; wait `Retry-After` seconds. Or too many requests from this client (the gateway's rate limit)")
    public Uni<TokenIssuer.Tokens> login(@Valid @NotNull LoginRequest body, @Context HttpServerRequest request) {
        return auth.login(body.email(), body.password(), ClientAddress.of(request)).map(AuthResource::tokensOrProblem);
    }

    /** Spends the refresh token and returns a new pair (rotation). */
    @POST
    @Path("/refresh")
    @Operation(operationId = "refreshTokens")
    @APIResponse(responseCode = "200", description = "A new pair of the same session; the presented refresh token is spent", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenIssuer.Tokens.class)))
    @APIResponse(responseCode = "401", description = "`invalid-refresh-token`: unknown, expired or revoked (logged out, password changed or reset, account disabled, desk session ended or its officer no longer at that office's desk); `refresh-token-reused`: a token already rotated was presented again, so the whole session is revoked. Log in again")
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
