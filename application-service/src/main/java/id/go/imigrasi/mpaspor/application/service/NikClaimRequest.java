package id.go.imigrasi.mpaspor.application.service;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who claims the NIK: the identity as on the e-KTP, checked against Dukcapil before a code is sent. Checked by
 * NikClaims.checked (and Nik.check): the OpenAPI below says what those check, keep them in step.
 */
@Schema(description = "Who claims the NIK: the identity as on the e-KTP, checked against Dukcapil before a code is"
        + " sent by SMS to the number registered with the NIK")
public record NikClaimRequest(
        @Schema(required = true, pattern = ApplicantRequest.NIK_PATTERN, minLength = 16, maxLength = 16,
                description = ApplicantRequest.NIK_DESCRIPTION, examples = "3578011203880002") String nik,
        @Schema(required = true, minLength = 1, maxLength = ApplicantRequest.MAX_TEXT,
                description = "Full name as on the e-KTP; not blank, at most 200 characters",
                examples = "Budi Santoso") String fullName,
        @Schema(required = true, format = "date", description = "Birth date (ISO 8601, yyyy-MM-dd); must agree with"
                + " the date encoded in the NIK", examples = "1988-03-12") LocalDate birthDate,
        @Schema(required = true, minLength = 1, maxLength = ApplicantRequest.MAX_TEXT,
                description = "Place of birth as on the e-KTP; not blank, at most 200 characters",
                examples = "Surabaya") String birthPlace,
        @Schema(required = true, enumeration = { "MALE", "FEMALE" }, description = ApplicantRequest.SEX_DESCRIPTION,
                examples = "MALE") String sex) {

    /** The code received by SMS. */
    @Schema(description = "The code received by SMS")
    public record Confirmation(
            @Schema(required = true, pattern = "^\\s*[0-9]{6}\\s*$",
                    description = "The six-digit code from the SMS (surrounding whitespace ignored)",
                    examples = "583610") String code) {
    }
}
