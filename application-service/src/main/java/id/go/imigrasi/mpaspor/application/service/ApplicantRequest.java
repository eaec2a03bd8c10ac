package id.go.imigrasi.mpaspor.application.service;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One applicant: identity as on the e-KTP/KK, contact, and the questionnaire. Checked by ApplicantForm (and the NIK
 * by Nik.check): the OpenAPI below says what those check, keep them in step.
 */
@Schema(description = "One applicant: identity as on the e-KTP/KK, contact, and the questionnaire. Every field is"
        + " checked at once and every offending field is answered (400 with field errors)")
public record ApplicantRequest(
        @Schema(required = true, minLength = 1, maxLength = ApplicantRequest.MAX_TEXT,
                description = "Full name as on the e-KTP; not blank, at most 200 characters (stored trimmed)",
                examples = "Dewi Lestari") String fullName,
        @Schema(required = true, pattern = ApplicantRequest.NIK_PATTERN, minLength = 16, maxLength = 16,
                description = ApplicantRequest.NIK_DESCRIPTION, examples = "3578014506900001") String nik,
        @Schema(required = true, format = "date", description = "Birth date (ISO 8601, yyyy-MM-dd); not in the future;"
                + " must agree with the date encoded in the NIK", examples = "1990-06-05") LocalDate birthDate,
        @Schema(required = true, minLength = 1, maxLength = ApplicantRequest.MAX_TEXT,
                description = "Place of birth as on the e-KTP; not blank, at most 200 characters (stored trimmed)",
                examples = "Surabaya") String birthPlace,
        @Schema(required = true, enumeration = { "MALE", "FEMALE" }, description = ApplicantRequest.SEX_DESCRIPTION,
                examples = "FEMALE") String sex,
        @Schema(required = true, minLength = 1, maxLength = ApplicantRequest.MAX_TEXT,
                description = "Mother's maiden name; not blank, at most 200 characters (stored trimmed)",
                examples = "Sri Wahyuni") String motherName,
        @Schema(required = true, minLength = 1, maxLength = ApplicantRequest.MAX_TEXT,
                description = "Address as on the e-KTP; not blank, at most 200 characters (stored trimmed)",
                examples = "Jl. Raya Darmo No. 45, RT 002/RW 005, Keputran, Tegalsari, Surabaya 60265")
        String address,
        @Schema(required = true, pattern = ApplicantRequest.PHONE_PATTERN,
                description = "Indonesian mobile number: 08..., 628... or +628..., then 7 to 12 more digits after the"
                        + " 8; spaces and hyphens are ignored (and removed when stored)",
                examples = { "081234567890", "+62 812-3456-7890" }) String phone,
        @Schema(required = true) Questionnaire questionnaire,
        @Schema(required = true, enumeration = { "SELF", "PARENT", "GUARDIAN", "AUTHORISED" },
                description = ApplicantRequest.AUTHORITY_DESCRIPTION, examples = "SELF") String authority) {

    static final String AUTHORITY_DESCRIPTION = "The account holder's declaration of authority over this person's data"
            + " (UU PDP 27/2022): SELF (the holder applies for themselves), PARENT, GUARDIAN (legal guardian) or"
            + " AUTHORISED (an adult family member who authorised the holder); read case-insensitively. An applicant"
            + " under 17 on the day of the request may only be declared PARENT or GUARDIAN. Missing or impossible:"
            + " 422 authority-not-declared with a field error on authority (with other field errors: 400)";

    /** ApplicantForm's and NikClaims' longest text. */
    static final int MAX_TEXT = 200;
    /** Nik.check's format rule (a plain String.matches, so anchored). */
    static final String NIK_PATTERN = "^[0-9]{16}$";
    static final String NIK_DESCRIPTION = "NIK (Nomor Induk Kependudukan), 16 digits PPKKCCDDMMYYSSSS: a known province"
            + " code (11-94), regency and district not 00, a valid birth date DDMMYY (40 added to the day for women)"
            + " that agrees with birthDate and sex, and a serial other than 0000";
    static final String SEX_DESCRIPTION = "MALE or FEMALE (read case-insensitively, surrounding whitespace ignored);"
            + " must agree with the NIK (women have 40 added to the day of birth)";
    /** ApplicantForm.PHONE, matched after spaces and hyphens are removed. */
    static final String PHONE_PATTERN = "^[\\s-]*(\\+[\\s-]*6[\\s-]*2|6[\\s-]*2|0)[\\s-]*8([\\s-]*[0-9]){7,12}[\\s-]*$";

    /** applicationType NEW, RENEWAL or NAME_CHANGE; passportKind ORDINARY or ELECTRONIC; validityYears 5 or 10. */
    @Schema(name = "QuestionnaireRequest", description = "The applicant's answers: what they apply for")
    public record Questionnaire(
            @Schema(required = true, enumeration = { "NEW", "RENEWAL", "NAME_CHANGE" },
                    description = "NEW, RENEWAL or NAME_CHANGE (read case-insensitively); LOST and DAMAGED are"
                            + " handled at the office only and refused here", examples = "NEW") String applicationType,
            @Schema(required = true, enumeration = { "ORDINARY", "ELECTRONIC" },
                    description = "ORDINARY or ELECTRONIC (read case-insensitively)", examples = "ELECTRONIC")
            String passportKind,
            @Schema(required = true, enumeration = { "5", "10" },
                    description = "5 or 10 years; an applicant under 17 on the day of the request may have at most 5",
                    examples = "10") Integer validityYears,
            @Schema(required = true, description = "Whether the applicant wants the same-day service",
                    examples = "false") Boolean sameDayService,
            @Schema(required = true, minLength = 1, maxLength = MAX_TEXT,
                    description = "Purpose of travel; not blank, at most 200 characters (stored trimmed)",
                    examples = "Umrah") String travelPurpose) {
    }
}
