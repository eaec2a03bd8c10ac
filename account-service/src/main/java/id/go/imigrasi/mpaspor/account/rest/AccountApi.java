package id.go.imigrasi.mpaspor.account.rest;

import java.util.List;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.domain.Otp;
import id.go.imigrasi.mpaspor.account.service.PrivacyConsents;

/** The request and response bodies of the account API. */
public final class AccountApi {

    /** Longest email (RFC 5321 path) and longest password or token read; longer ones are a field error. */
    static final int EMAIL_MAX = 254;
    static final int SECRET_MAX = 1024;

    private AccountApi() {
    }

    /*
     * What the OpenAPI says below is what AccountService.validate, Contacts and PasswordPolicy check by hand (and,
     * for the records with Bean Validation annotations, those annotations): keep them in step.
     */

    /** The phone as Contacts.normalizePhone reads it: separators dropped, optional +62/62/0, then 8 and 8-11 digits. */
    static final String PHONE_PATTERN = "^[\\s().-]*(\\+[\\s().-]*6[\\s().-]*2|6[\\s().-]*2|0)?[\\s().-]*8([\\s().-]*[0-9]){8,11}[\\s().-]*$";
    static final String PHONE_DESCRIPTION = "Indonesian mobile number: 08..., 628..., +628... or 8..., 9 to 12 digits from the"
            + " leading 8 on; spaces, hyphens, dots and parentheses are ignored. Stored as +628...";
    /** Contacts.isEmail: at most 254 characters; trimmed, then something@something.xx without spaces. */
    static final String EMAIL_PATTERN = "^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}\\s*$";
    static final String EMAIL_DESCRIPTION = "E-mail address (at most 254 characters; surrounding whitespace is trimmed and"
            + " the address is compared and stored in lower case)";
    static final String NAME_DESCRIPTION = "Full name; not blank, at most 100 characters once surrounding whitespace"
            + " is trimmed";
    /** PasswordPolicy with mpaspor.account.password.min-length=8 and max-length=64 (characters), 72 UTF-8 bytes. */
    static final String PASSWORD_DESCRIPTION = "8 to 64 characters (Unicode code points) and at most 72 bytes in UTF-8;"
            + " spaces allowed, no composition rules. Refused: a commonly breached password, one character repeated,"
            + " only whitespace, control characters (tab, line breaks...), or the e-mail address itself";
    static final String OFFICE_CODE_PATTERN = "^[A-Z0-9]{2,12}$";
    static final String OFFICE_CODE_DESCRIPTION = "Code of an immigration office in quota-service's catalogue"
            + " (GET /offices), 2 to 12 upper-case letters or digits; an unknown office is 422 unknown-office";

    @Schema(description = "A new applicant account; a six-digit code is e-mailed to confirm the address")
    public record RegisterRequest(
            @Schema(required = true, minLength = 1, maxLength = 100, description = NAME_DESCRIPTION,
                    examples = "Dewi Lestari") String name,
            @Schema(required = true, format = "email", maxLength = 254, pattern = EMAIL_PATTERN,
                    description = EMAIL_DESCRIPTION, examples = "dewi.lestari@example.co.id") String email,
            @Schema(required = true, pattern = PHONE_PATTERN, description = PHONE_DESCRIPTION,
                    examples = { "+6281234567890", "0812-3456-7890" }) String phone,
            @Schema(required = true, format = "password", minLength = 8, maxLength = 64,
                    description = PASSWORD_DESCRIPTION, examples = "Sate-Padang-Enak-2025") String password,
            @Schema(required = true, description = PRIVACY_NOTICE_DESCRIPTION, examples = "2026-12-01")
            String privacyNoticeVersion) {
    }

    static final String PRIVACY_NOTICE_DESCRIPTION = "The version of the privacy notice the person read and accepted:"
            + " must be the current one (GET /accounts/privacy-notice); absent or older is 422"
            + " privacy-notice-not-accepted and nothing is saved";

    @Schema(description = "The privacy notice in force: its version and the data protection officer's contact")
    public record PrivacyNotice(
            @Schema(description = "The current version (accept exactly this)", examples = "2026-12-01") String version,
            @Schema(format = "email", description = "E-mail address of the data protection officer",
                    examples = "pelindungan.data@imigrasi.go.id") String contactEmail) {
    }

    @Schema(description = "Accepting the current privacy notice")
    public record AcceptPrivacyNoticeRequest(
            @Schema(required = true, description = PRIVACY_NOTICE_DESCRIPTION, examples = "2026-12-01")
            String noticeVersion) {
    }

    @Schema(name = "PrivacyNoticeStatus", description = "Where the account stands with the current privacy notice")
    public record PrivacyNoticeStatus(
            @Schema(description = "The current version", examples = "2026-12-01") String current,
            @Schema(description = "Whether this account accepted the current version") boolean accepted,
            @Schema(description = "Whether the account must accept the current version before going on (an applicant"
                    + " account that has not accepted it: never registered with it, or the notice changed since)")
            boolean acceptanceRequired) {

        public static PrivacyNoticeStatus of(PrivacyConsents.Status s) {
            return new PrivacyNoticeStatus(s.current(), s.accepted(), s.acceptanceRequired());
        }
    }

    @Schema(description = "An officer account of an immigration office, created by an admin and active at once")
    public record CreateOfficerRequest(
            @Schema(required = true, minLength = 1, maxLength = 100, description = NAME_DESCRIPTION,
                    examples = "Budi Santoso") String name,
            @Schema(required = true, format = "email", maxLength = 254, pattern = EMAIL_PATTERN,
                    description = EMAIL_DESCRIPTION, examples = "budi.santoso@example.go.id") String email,
            @Schema(pattern = "^\\s*$|" + PHONE_PATTERN, description = "Optional (absent, null or blank: none). "
                    + PHONE_DESCRIPTION, examples = "+6281398765432") String phone,
            @Schema(required = true, pattern = OFFICE_CODE_PATTERN, minLength = 2, maxLength = 12,
                    description = OFFICE_CODE_DESCRIPTION, examples = "JKTSEL") String officeCode,
            @Schema(required = true, format = "password", minLength = 8, maxLength = 64,
                    description = PASSWORD_DESCRIPTION, examples = "Gudeg-Jogja-Manis-77") String password) {
    }

    @Schema(description = "An operations account (role ops), created by an admin and active at once; no office")
    public record CreateOpsRequest(
            @Schema(required = true, minLength = 1, maxLength = 100, description = NAME_DESCRIPTION,
                    examples = "Siti Rahmawati") String name,
            @Schema(required = true, format = "email", maxLength = 254, pattern = EMAIL_PATTERN,
                    description = EMAIL_DESCRIPTION, examples = "siti.rahmawati@example.go.id") String email,
            @Schema(required = true, pattern = PHONE_PATTERN, description = PHONE_DESCRIPTION,
                    examples = "+6285712345678") String phone,
            @Schema(required = true, format = "password", minLength = 8, maxLength = 64,
                    description = PASSWORD_DESCRIPTION, examples = "Rendang-Minang-Pedas-9") String password) {
    }

    @Schema(name = "AccountCreated", description = "An account just created: its id and status")
    public record Created(
            @Schema(format = "uuid", examples = "5f0c2a4e-8d1b-4c7e-9a3f-2b6d8e1c4a70") String id,
            @Schema(enumeration = { "PENDING_VERIFICATION", "ACTIVE" },
                    description = "PENDING_VERIFICATION for a registration (until the e-mailed code is confirmed),"
                            + " ACTIVE for an officer or ops account", examples = "PENDING_VERIFICATION") String status) {
    }

    public record Verified(String status) {
    }

    public record VerificationRequest(
            @Schema(description = "The e-mail address registered (compared in lower case)",
                    examples = "dewi.lestari@example.co.id") @NotBlank @Size(max = EMAIL_MAX) String email,
            @Schema(description = "The six-digit code from the e-mail; anything else counts as a wrong try",
                    examples = "482915") @NotBlank @Size(max = 16) String otp) {
    }

    /** The channels and language to be told in (issue 22). */
    public record NotificationPreferencesRequest(
            @Schema(required = true, description = "One or more of EMAIL, SMS, WHATSAPP; SMS and WHATSAPP only once"
                    + " the mobile number is proven (POST /accounts/me/phone, then /accounts/me/phone/verification)",
                    examples = "[\"EMAIL\", \"WHATSAPP\"]") @Size(max = 3) List<@Size(max = 16) String> channels,
            @Schema(required = true, description = "id (Bahasa Indonesia) or en", examples = "id") @Size(max = 8)
            String language) {
    }

    /** A mobile number to prove with a code sent to it by SMS. */
    public record PhoneRequest(
            @Schema(required = true, pattern = PHONE_PATTERN, description = PHONE_DESCRIPTION,
                    examples = "0812-3456-7890") @NotBlank @Size(max = 32) String phone) {
    }

    /** The code the SMS carried. */
    public record PhoneVerificationRequest(
            @Schema(required = true, description = "The six-digit code from the SMS; anything else counts as a wrong"
                    + " try", examples = "482915") @NotBlank @Size(max = 16) String otp) {
    }

    public record OtpRequest(
            @Schema(description = "The account's e-mail address (compared in lower case); the answer is the same"
                    + " whether it has an account or not", examples = "dewi.lestari@example.co.id")
            @NotBlank @Size(max = EMAIL_MAX) String email,
            @Schema(description = "VERIFY_EMAIL (a new verification code) or RESET_PASSWORD",
                    examples = "VERIFY_EMAIL") @NotNull Purpose purpose) {
    }

    /**
     * The codes that may be asked for by e-mail address, without a login. A mobile number's code
     * ({@link Otp.Purpose#VERIFY_PHONE}) is asked for by the logged-in holder only.
     */
    public enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD;

        public Otp.Purpose otp() {
            return Otp.Purpose.valueOf(name());
        }
    }

    public record LoginRequest(
            @Schema(description = "The account's e-mail address (compared in lower case)",
                    examples = "dewi.lestari@example.co.id") @NotBlank @Size(max = EMAIL_MAX) String email,
            @Schema(description = "The account's password", examples = "Sate-Padang-Enak-2025")
            @NotBlank @Size(max = SECRET_MAX) String password) {
    }

    public record RefreshRequest(
            @Schema(description = "The refresh token of the last login or refresh (43 characters, base64url)",
                    examples = "QOPUgp4Hl9Lo2X8HdobnXDzf3_Vp-sKoB9NR57pzVdo") @NotBlank @Size(max = SECRET_MAX)
            String refreshToken) {
    }

    /** The holder's confirmation of an erasure request. */
    public record ErasureRequest(
            @Schema(description = "The account's password (wrong tries count toward the login lockout)",
                    examples = "Sate-Padang-Enak-2025") @NotBlank @Size(max = SECRET_MAX) String password) {
    }

    public record ChangePasswordRequest(
            @Schema(description = "The current password (wrong tries count toward the login"
                    + " lockout)", examples = "Sate-Padang-Enak-2025") @NotBlank @Size(max = SECRET_MAX)
            String currentPassword,
            @Schema(format = "password", minLength = 8, maxLength = 64, description = PASSWORD_DESCRIPTION,
                    examples = "Nasi-Liwet-Solo-2026") @NotBlank String newPassword) {
    }

    public record ResetPasswordRequest(
            @Schema(description = "The account's e-mail address (compared in lower case)",
                    examples = "dewi.lestari@example.co.id") @NotBlank @Size(max = EMAIL_MAX) String email,
            @Schema(description = "The six-digit RESET_PASSWORD code from the e-mail; anything else counts as a"
                    + " wrong try", examples = "730241") @NotBlank @Size(max = 16) String otp,
            @Schema(format = "password", minLength = 8, maxLength = 64, description = PASSWORD_DESCRIPTION,
                    examples = "Nasi-Liwet-Solo-2026") @NotBlank String newPassword) {
    }

    public record Me(String id, String name, String email, String phone, String role, String officeCode, String status,
            Instant createdAt, Instant verifiedAt, PrivacyNoticeStatus privacyNotice) {

        static Me of(Account a, PrivacyConsents.Status privacy) {
            return new Me(a.id.toString(), a.fullName, a.email, a.phone, a.role.name(), a.officeCode, a.status.name(),
                    a.createdAt, a.verifiedAt, PrivacyNoticeStatus.of(privacy));
        }
    }
}
