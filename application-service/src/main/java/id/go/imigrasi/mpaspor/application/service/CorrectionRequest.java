package id.go.imigrasi.mpaspor.application.service;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correction of an applicant's data after submission (Corrections): the new values by field, and why. */
@Schema(description = "New values of an applicant's data after submission, by field name as in the applicant's form,"
        + " and the reason. Online: address, phone, travelPurpose (checked as when the applicant was entered)."
        + " Identity (fullName, nik, birthDate, birthPlace, sex, motherName) and what was booked and billed"
        + " (applicationType, passportKind, validityYears, sameDayService): 422 correction-at-office naming each field")
public record CorrectionRequest(
        @Schema(required = true, description = "Field name to its new value, at least one",
                examples = "{\"address\": \"Jl. Kenanga No. 7, Bandung 40115\", \"phone\": \"081298765432\"}")
        Map<String, String> fields,
        @Schema(required = true, minLength = 1, maxLength = 500, description = "Why; not blank, at most 500"
                + " characters (stored trimmed)", examples = "Pindah alamat") String reason) {

    static final int MAX_REASON = 500;
}
