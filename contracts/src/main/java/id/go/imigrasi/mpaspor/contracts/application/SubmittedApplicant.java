package id.go.imigrasi.mpaspor.contracts.application;

import java.time.LocalDate;

/**
 * One applicant of a submitted application, with what billing needs for the fee and biometric for the
 * appointment. {@code passportKind} is ORDINARY or ELECTRONIC; {@code validityYears} is 5 or 10.
 */
public record SubmittedApplicant(String applicantId, String fullName, String nik, LocalDate birthDate,
        String passportKind, int validityYears, boolean sameDayService) {
}
