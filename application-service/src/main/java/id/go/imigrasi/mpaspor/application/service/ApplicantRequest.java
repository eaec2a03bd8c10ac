package id.go.imigrasi.mpaspor.application.service;

import java.time.LocalDate;

/** One applicant: identity as on the e-KTP/KK, contact, and the questionnaire. Checked by ApplicantForm. */
public record ApplicantRequest(String fullName, String nik, LocalDate birthDate, String birthPlace, String sex,
        String motherName, String address, String phone, Questionnaire questionnaire) {

    /** applicationType NEW, RENEWAL or NAME_CHANGE; passportKind ORDINARY or ELECTRONIC; validityYears 5 or 10. */
    public record Questionnaire(String applicationType, String passportKind, Integer validityYears,
            Boolean sameDayService, String travelPurpose) {
    }
}
