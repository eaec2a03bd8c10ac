package id.go.imigrasi.mpaspor.account.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import id.go.imigrasi.mpaspor.account.rest.AccountApi.NotificationPreferencesRequest;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.PhoneRequest;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.PhoneVerificationRequest;
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
import id.go.imigrasi.mpaspor.account.service.DataExports;
import id.go.imigrasi.mpaspor.account.service.NotificationSettings;
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
    private final DataExports exports;
    private final NotificationSettings notifications;
    private final Caller caller;
    private final JsonWebToken jwt;

    public AccountResource(AccountService accounts, AccountErasure erasure, PrivacyConsents privacy,
            DataExports exports, NotificationSettings notifications, Caller caller, JsonWebToken jwt) {
        this.exports = exports;
        this.notifications = notifications;
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
    @APIResponse(responseCode = "422", description = "`privacy-notice-not-accepted` (field `privacyNoticeVersion`: absent or not the current version) when it is the only error; with other errors it is one more field error of the 400. Nothing is created")
    @APIResponse(responseCode = "429", description = "`otp-too-soon` or `otp-hourly-limit`: a verification code for this e-mail was asked for too recently or too often this hour (the same limits whether the address is taken or not); nothing is created; wait `Retry-After` seconds. Or too many requests from this client (the gateway's rate limit)")
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
    @APIResponse(responseCode = "200", description = "Verified: the account is ACTIVE", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountApi.Verified.class)))
    @APIResponse(responseCode = "400", description = "`otp-rejected`: a wrong or expired code, an unknown e-mail or an account already verified, all the same answer (the attempts left in the field error on `otp`); `validation`: `email` or `otp` blank or too long")
    @APIResponse(responseCode = "429", description = "`otp-attempts-exceeded`: no try left on this code, which is void; ask for a new one (POST /accounts/otp) after `Retry-After` seconds. Or too many requests from this client (the gateway's rate limit)")
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
    @APIResponse(responseCode = "429", description = "`otp-too-soon` (a code for this e-mail was asked for less than the resend interval ago) or `otp-hourly-limit` (too many this hour), whether the e-mail has an account or not: wait `Retry-After` seconds. Or too many requests from this client (the gateway's rate limit)")
    public Uni<Void> requestOtp(@Valid @NotNull OtpRequest body) {
        return accounts.requestOtp(body.email(), body.purpose().otp());
    }

    @GET
    @Path("/me")
    @RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN, Roles.OPS })
    @Operation(operationId = "getMyAccount")
    @APIResponse(responseCode = "200", description = "The caller's account and where it stands with the privacy notice", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Me.class)))
    @APIResponse(responseCode = "404", description = "`not-found`: the token's account no longer exists")
    public Uni<Me> me() {
        return accounts.find(caller.accountId()).chain(a -> privacy.status(a).map(status -> Me.of(a, status)));
    }

    /** How the holder is told about their applications: channels, language, and the proven mobile number. */
    @GET
    @Path("/me/notification-preferences")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "getNotificationPreferences")
    @APIResponse(responseCode = "200", description = "The channels, the language and the proven mobile number", content = @Content(mediaType = "application/json", schema = @Schema(implementation = NotificationSettings.Preferences.class)))
    @APIResponse(responseCode = "404", description = "`not-found`: the token's account no longer exists")
    public Uni<NotificationSettings.Preferences> notificationPreferences() {
        return notifications.view(caller.accountId());
    }

    /**
     * Chooses the channels (EMAIL, SMS, WHATSAPP) and the language of the notifications. A text channel needs a
     * proven mobile number: 400 otherwise, nothing changed.
     */
    @PUT
    @Path("/me/notification-preferences")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "setNotificationPreferences")
    @APIResponse(responseCode = "200", description = "The preferences now in force", content = @Content(mediaType = "application/json", schema = @Schema(implementation = NotificationSettings.Preferences.class)))
    @APIResponse(responseCode = "400", description = "`validation`: no channel, an unknown one, SMS/WHATSAPP without a proven number (`channels`), or a language other than id/en (`language`); nothing changed")
    @APIResponse(responseCode = "404", description = "`not-found`: the token's account no longer exists")
    public Uni<NotificationSettings.Preferences> setNotificationPreferences(
            @Valid @NotNull NotificationPreferencesRequest body) {
        return notifications.update(caller.accountId(), body.channels(), body.language());
    }

    /**
     * Sends a six-digit code by SMS to a mobile number, to prove it before any text goes there. Until the code comes
     * back, the account keeps its current number and channels.
     */
    @POST
    @Path("/me/phone")
    @RolesAllowed(Roles.APPLICANT)
    @ResponseStatus(202)
    @Operation(operationId = "requestPhoneVerification")
    @APIResponse(responseCode = "202", description = "A code is on its way by SMS to that number")
    @APIResponse(responseCode = "400", description = "`validation`: not an Indonesian mobile number (`phone`)")
    @APIResponse(responseCode = "404", description = "`not-found`: the token's account no longer exists")
    @APIResponse(responseCode = "429", description = "`otp-too-soon` or `otp-hourly-limit`, with Retry-After")
    public Uni<Void> requestPhoneVerification(@Valid @NotNull PhoneRequest body) {
        return notifications.requestPhoneCode(caller.accountId(), body.phone());
    }

    /** The code from the SMS: the number it was sent to becomes the account's, proven. */
    @POST
    @Path("/me/phone/verification")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "verifyPhone")
    @APIResponse(responseCode = "200", description = "Proven: the preferences with the number", content = @Content(mediaType = "application/json", schema = @Schema(implementation = NotificationSettings.Preferences.class)))
    @APIResponse(responseCode = "400", description = "`otp-rejected`: wrong or expired code (the attempts left in the field error); `validation`: `otp` blank or too long")
    @APIResponse(responseCode = "404", description = "`not-found`: the token's account no longer exists")
    @APIResponse(responseCode = "429", description = "`otp-attempts-exceeded`, with Retry-After")
    public Uni<NotificationSettings.Preferences> verifyPhone(@Valid @NotNull PhoneVerificationRequest body) {
        return notifications.confirmPhone(caller.accountId(), body.otp()).map(result -> {
            if (!result.check().accepted()) {
                throw result.check().problem();
            }
            return result.preferences();
        });
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
    @APIResponse(responseCode = "404", description = "`not-found`: the token's account no longer exists")
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
    @APIResponse(responseCode = "400", description = "`validation`: a field blank or too long, or `newPassword` refused by the password rule (too short or long, common, the e-mail address...); `wrong-current-password`: a field error on `currentPassword` (the attempt counts toward `login-locked`); nothing changed")
    @APIResponse(responseCode = "404", description = "`not-found`: the token's account no longer exists")
    @APIResponse(responseCode = "429", description = "`login-locked`: too many wrong tries at this account's password (here or at login); the password was not checked; wait `Retry-After` seconds. Or too many requests from this client (the gateway's rate limit)")
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
    @APIResponse(responseCode = "400", description = "`wrong-current-password`: the password is wrong (a field error on `password`; attempts count toward the login lockout); `validation`: `password` blank or too long")
    @APIResponse(responseCode = "403", description = "`account-erasure-pending`: the account is not ACTIVE any more (its erasure was already asked for); `forbidden`: not an applicant's token")
    @APIResponse(responseCode = "429", description = "`login-locked`: too many wrong tries at this account's password (here or at login); the password was not checked; wait `Retry-After` seconds. Or too many requests from this client (the gateway's rate limit)")
    public Uni<AccountErasure.Requested> requestErasure(@Valid @NotNull ErasureRequest body,
            @Context HttpServerRequest request) {
        return erasure.request(caller.accountId(), body.password(), ClientAddress.of(request));
    }

    /**
     * Asks for a copy of everything held about the account and its applicants, gathered from every service (UU PDP:
     * access and portability). It is made asynchronously; the holder is mailed when it is ready. Asking again while
     * one is being prepared answers that one.
     */
    @POST
    @Path("/me/data-exports")
    @RolesAllowed(Roles.APPLICANT)
    @ResponseStatus(202)
    @Operation(operationId = "requestDataExport")
    @APIResponse(responseCode = "202", description = "Accepted: `PREPARING`; the services send their parts and the holder is mailed when it is `READY`", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DataExports.View.class)))
    public Uni<DataExports.View> requestExport() {
        return exports.request(caller.accountId());
    }

    /** The account's data exports, newest first: PREPARING, READY (until expiresAt) or EXPIRED (content deleted). */
    @GET
    @Path("/me/data-exports")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "listDataExports")
    public Uni<List<DataExports.View>> listExports() {
        return exports.list(caller.accountId());
    }

    /** A ready export as JSON (machine-readable: every service's rows by kind). */
    @GET
    @Path("/me/data-exports/{id}/data.json")
    @RolesAllowed(Roles.APPLICANT)
    @Produces({ "application/json", "application/problem+json" })
    @Operation(operationId = "downloadDataExportJson")
    @APIResponse(responseCode = "200", description = "The export as JSON", content = @Content(mediaType = "application/json"))
    @APIResponse(responseCode = "404", description = "No such export of this account")
    @APIResponse(responseCode = "409", description = "`data-export-not-ready`: still being gathered")
    @APIResponse(responseCode = "410", description = "`data-export-expired`: its content is deleted; ask for a new one")
    public Uni<jakarta.ws.rs.core.Response> exportJson(@PathParam("id") String id) {
        return exports.download(caller.accountId(), id, false).map(AccountResource::attachment);
    }

    /** A ready export as PDF (human-readable: the same content). */
    @GET
    @Path("/me/data-exports/{id}/data.pdf")
    @RolesAllowed(Roles.APPLICANT)
    @Produces({ "application/pdf", "application/problem+json" })
    @Operation(operationId = "downloadDataExportPdf")
    @APIResponse(responseCode = "200", description = "The export as PDF", content = @Content(mediaType = "application/pdf"))
    @APIResponse(responseCode = "404", description = "No such export of this account")
    @APIResponse(responseCode = "409", description = "`data-export-not-ready`: still being gathered")
    @APIResponse(responseCode = "410", description = "`data-export-expired`: its content is deleted; ask for a new one")
    public Uni<jakarta.ws.rs.core.Response> exportPdf(@PathParam("id") String id) {
        return exports.download(caller.accountId(), id, true).map(AccountResource::attachment);
    }

    private static jakarta.ws.rs.core.Response attachment(DataExports.Content c) {
        return jakarta.ws.rs.core.Response.ok(c.entity(), c.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + c.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }

    /** Sets a new password with a RESET_PASSWORD code; every session is signed out. */
    @POST
    @Path("/password-reset")
    @PermitAll
    @ResponseStatus(204)
    @Operation(operationId = "resetPassword")
    @APIResponse(responseCode = "204", description = "Changed; every session of the account ends")
    @APIResponse(responseCode = "400", description = "`otp-rejected`: a wrong or expired code, or an unknown e-mail, the same answer (the attempts left in the field error on `otp`); `validation`: `newPassword` refused by the password rule, or a field blank or too long; nothing changed")
    @APIResponse(responseCode = "429", description = "`otp-attempts-exceeded`: no try left on this code, which is void; ask for a new one (POST /accounts/otp) after `Retry-After` seconds. Or too many requests from this client (the gateway's rate limit)")
    public Uni<Void> resetPassword(@Valid @NotNull ResetPasswordRequest body) {
        return accounts.resetPassword(body.email(), body.otp(), body.newPassword()).map(check -> {
            if (!check.accepted()) {
                throw check.problem();
            }
            return null;
        });
    }



}
