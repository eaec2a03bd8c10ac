package id.go.imigrasi.mpaspor.account.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import id.go.imigrasi.mpaspor.account.rest.AccountApi.AcceptPrivacyNoticeRequest;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.ChangePasswordRequest;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.PrivacyNotice;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.PrivacyNoticeStatus;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.Created;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.ErasureRequest;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.Me;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.OtpRequest;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.RegisterRequest;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.ResetPasswordRequest;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.VerificationRequest;
import id.go.imigrasi.mpaspor.account.service.AccountErasure;
import id.go.imigrasi.mpaspor.account.service.AccountService;
import id.go.imigrasi.mpaspor.account.service.PrivacyConsents;
import id.go.imigrasi.mpaspor.account.service.Registration;
import id.go.imigrasi.mpaspor.account.service.TokenIssuer;
import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@IdempotentReads
@Path("/accounts")
@Tag(name = "accounts", description = "Register an account, verify its e-mail, change or reset the password")
public class AccountResource {

    private final AccountService accounts;
    private final AccountErasure erasure;
    private final PrivacyConsents privacy;
    private final Caller caller;
    private final JsonWebToken jwt;

    public AccountResource(AccountService accounts, AccountErasure erasure, PrivacyConsents privacy, Caller caller,
            JsonWebToken jwt) {
        this.accounts = accounts;
        this.erasure = erasure;
        this.privacy = privacy;
        this.caller = caller;
        this.jwt = jwt;
    }

    /**
     * Registers an applicant; a 6-digit code is emailed to confirm the address. A taken email gets the same answer
     * (its owner is told by mail instead).
     */
    @POST
    @PermitAll
    @Operation(operationId = "registerAccount")
    @APIResponse(responseCode = "201", description = "The account, not verified yet: a one-time code is on its way by e-mail", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "409", description = "`email-taken`: only when two registrations of one address race (an address already registered answers 201 and its owner is told by e-mail, so addresses cannot be probed)")
    @APIResponse(responseCode = "422", description = "`privacy-notice-not-accepted` (field `privacyNoticeVersion`: absent or not the current version), or `validation` with field errors; nothing is created")
    public Uni<RestResponse<Created>> register(@NotNull RegisterRequest body, HttpHeaders headers,
            @Context HttpServerRequest request) {
        String language = Messages.negotiate(headers.getAcceptableLanguages()).getLanguage();
        return accounts.register(new Registration(body.name(), body.email(), body.phone(), body.password(), null),
                body.privacyNoticeVersion(), language, ClientAddress.of(request)).map(a -> RestResponse.status(Response.Status.CREATED, new Created(a.id.toString(), a.status.name())));
    }

    /**
     * Confirms the email with the emailed code; the account becomes ACTIVE. Anything but the right open code,
     * whether the email is unknown or already verified, gets the same 400 (429 after too many).
     */
    @POST
    @Path("/verification")
    @PermitAll
    @Operation(operationId = "verifyEmail")
    public Uni<AccountApi.Verified> verify(@Valid @NotNull VerificationRequest body) {
        return accounts.verifyEmail(body.email(), body.otp()).map(check -> {
            if (!check.accepted()) {
                throw check.problem();
            }
            return new AccountApi.Verified("ACTIVE");
        });
    }

    /** Sends a code (again): VERIFY_EMAIL or RESET_PASSWORD. Always 202, unless the resend limits apply. */
    @POST
    @Path("/otp")
    @PermitAll
    @ResponseStatus(202)
    @Operation(operationId = "requestOtp")
    @APIResponse(responseCode = "202", description = "Accepted: if the account exists and may get one, a code is sent (the answer never tells which)")
    public Uni<Void> requestOtp(@Valid @NotNull OtpRequest body) {
        return accounts.requestOtp(body.email(), body.purpose());
    }

    @GET
    @Path("/me")
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN, Roles.OPS })
    @Operation(operationId = "getMyAccount")
    public Uni<Me> me() {
        return accounts.find(caller.accountId()).chain(a -> privacy.status(a).map(status -> Me.of(a, status)));
    }

    /** The privacy notice in force: its version (what a registration or an acceptance must name) and the contact. */
    @GET
    @Path("/privacy-notice")
    @PermitAll
    @Operation(operationId = "getPrivacyNotice")
    public PrivacyNotice privacyNotice() {
        return new PrivacyNotice(privacy.currentVersion(), privacy.contactEmail());
    }

    /**
     * The account accepts the current privacy notice (recorded once per version, with the language and the client
     * address; accepting again changes nothing). An older or absent version is 422.
     */
    @POST
    @Path("/me/privacy-consents")
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN, Roles.OPS })
    @Operation(operationId = "acceptPrivacyNotice")
    @APIResponse(responseCode = "200", description = "Accepted (now or before)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PrivacyNoticeStatus.class)))
    @APIResponse(responseCode = "422", description = "`privacy-notice-not-accepted`: `noticeVersion` absent or not the current one")
    public Uni<PrivacyNoticeStatus> acceptPrivacyNotice(@NotNull AcceptPrivacyNoticeRequest body, HttpHeaders headers,
            @Context HttpServerRequest request) {
        String language = Messages.negotiate(headers.getAcceptableLanguages()).getLanguage();
        return accounts.find(caller.accountId()).chain(a -> privacy.accept(a.id, body.noticeVersion(), language,
                ClientAddress.of(request))).map(PrivacyNoticeStatus::of);
    }

    /** Changes the password; every other session is signed out. */
    @POST
    @Path("/me/password")
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN, Roles.OPS })
    @ResponseStatus(204)
    @Operation(operationId = "changePassword")
    @APIResponse(responseCode = "204", description = "Changed; every other session of the account ends")
    public Uni<Void> changePassword(@Valid @NotNull ChangePasswordRequest body, @Context HttpServerRequest request) {
        return accounts.changePassword(caller.accountId(), jwt.getClaim(TokenIssuer.SESSION_CLAIM),
                body.currentPassword(), body.newPassword(), ClientAddress.of(request));
    }

    /**
     * Asks for the account and everything held about it and its applicants to be erased (UU PDP), confirmed with the
     * password. The account is locked and every session ends at once; the services then erase their part (or, with an
     * application in progress, the request is refused and the holder told by e-mail).
     */
    @POST
    @Path("/me/erasure")
    @RolesAllowed(Roles.APPLICANT)
    @ResponseStatus(202)
    @Operation(operationId = "requestAccountErasure")
    @APIResponse(responseCode = "202", description = "Accepted: the account is locked (`ERASURE_PENDING`) and every session has ended; the erasure goes on in every service", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountErasure.Requested.class)))
    @APIResponse(responseCode = "400", description = "`wrong-current-password`: the password is wrong (a field error on `password`; attempts count toward the login lockout)")
    public Uni<AccountErasure.Requested> requestErasure(@Valid @NotNull ErasureRequest body,
            @Context HttpServerRequest request) {
        return erasure.request(caller.accountId(), body.password(), ClientAddress.of(request));
    }

    /** Sets a new password with a RESET_PASSWORD code; every session is signed out. */
    @POST
    @Path("/password-reset")
    @PermitAll
    @ResponseStatus(204)
    @Operation(operationId = "resetPassword")
    @APIResponse(responseCode = "204", description = "Changed; every session of the account ends")
    public Uni<Void> resetPassword(@Valid @NotNull ResetPasswordRequest body) {
        return accounts.resetPassword(body.email(), body.otp(), body.newPassword()).map(check -> {
            if (!check.accepted()) {
                throw check.problem();
            }
            return null;
        });
    }



}
