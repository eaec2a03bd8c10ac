package id.go.imigrasi.mpaspor.account.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import id.go.imigrasi.mpaspor.account.service.AccountService;
import id.go.imigrasi.mpaspor.account.service.DeskSessions;
import id.go.imigrasi.mpaspor.account.service.Registration;
import id.go.imigrasi.mpaspor.account.service.TokenIssuer;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The office desk's assisted registration (issue 19): an officer registers a person without a smartphone and then
 * acts for them through the same public API as everyone, with a desk session's tokens ({@link DeskSessions}).
 */
@Path("/office/assisted-accounts")
@Tag(name = "office-desk", description = "For officers at the office desk: the day, check-in, interview, biometrics, decision, issuance; walk-in registration and collective batches")
@RolesAllowed(Roles.OFFICER)
public class DeskResource {

    @Schema(description = "A person registered at the desk: the same fields as a registration, without a password")
    public record AssistedRegistrationRequest(
            @Schema(required = true, minLength = 1, maxLength = 100, description = AccountApi.NAME_DESCRIPTION,
                    examples = "Siti Aminah") String name,
            @Schema(required = true, format = "email", maxLength = 254, pattern = AccountApi.EMAIL_PATTERN,
                    description = "The person's own address: news of the application, and the code to take the"
                            + " account over, go there", examples = "siti.aminah@example.co.id") String email,
            @Schema(required = true, pattern = AccountApi.PHONE_PATTERN, description = AccountApi.PHONE_DESCRIPTION,
                    examples = "0812-3456-7890") String phone,
            @Schema(description = "The person's language for mails: id (default) or en", examples = "id",
                    enumeration = { "id", "en" }) String language,
            @Schema(required = true, description = "The version of the privacy notice the officer explained and the"
                    + " person accepted: the current one (GET /accounts/privacy-notice)", examples = "2026-12-01")
            String privacyNoticeVersion) {
    }

    @Schema(description = "The registered account and a desk session acting for its holder")
    public record AssistedAccount(
            @Schema(description = "The new account's id") String accountId,
            @Schema(description = "Tokens of the desk session: the holder's, naming the officer in the `act` claim;"
                    + " the refresh token works until the session's end (2 h at most)") TokenIssuer.Tokens desk) {
    }

    private final AccountService accounts;
    private final DeskSessions desk;
    private final Caller caller;

    public DeskResource(AccountService accounts, DeskSessions desk, Caller caller) {
        this.accounts = accounts;
        this.desk = desk;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "registerAssistedAccount", summary = "Register a person at the desk (AccountRegistered,"
            + " naming the officer) and open a desk session acting for them")
    @APIResponse(responseCode = "201", description = "The account, usable at once, and the desk session's tokens",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssistedAccount.class)))
    @APIResponse(responseCode = "409", description = "`email-taken`: an account with this e-mail exists")
    @APIResponse(responseCode = "400", description = "`validation` with field errors (`privacyNoticeVersion`: absent or"
            + " not the current version); nothing is created")
    public Uni<RestResponse<AssistedAccount>> register(@NotNull AssistedRegistrationRequest body) {
        UUID officer = officer();
        String office = office();
        String language = "en".equals(body.language()) ? "en" : "id";
        return accounts.registerAssisted(new Registration(body.name(), body.email(), body.phone(), null, null),
                body.privacyNoticeVersion(), language, officer, office)
                .chain(account -> desk.open(account.id.toString(), officer, office)
                        .map(tokens -> RestResponse.status(Response.Status.CREATED,
                                new AssistedAccount(account.id.toString(), tokens))));
    }

    @POST
    @Path("/{accountId}/desk-session")
    @Operation(operationId = "openDeskSession", summary = "Act again for a person registered at this office's desk")
    @APIResponse(responseCode = "200", description = "The desk session's tokens", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = TokenIssuer.Tokens.class)))
    @APIResponse(responseCode = "404", description = "`desk-session-refused`: not registered at this office's desk,"
            + " or its holder has taken the account over")
    public Uni<TokenIssuer.Tokens> reopen(@PathParam("accountId") String accountId) {
        return desk.open(accountId, officer(), office());
    }

    private UUID officer() {
        try {
            return UUID.fromString(caller.accountId());
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(CommonProblem.FORBIDDEN);
        }
    }

    private String office() {
        return caller.officeCode().orElseThrow(() -> ProblemException.of(CommonProblem.FORBIDDEN));
    }
}
