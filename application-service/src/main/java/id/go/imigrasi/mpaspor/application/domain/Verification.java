package id.go.imigrasi.mpaspor.application.domain;

/** Where an applicant's Dukcapil (civil registry) check stands. */
public enum Verification {
    /** Dukcapil knows the NIK with this birth date. */
    VERIFIED,
    /** Dukcapil was slow or down: the applicant continues; the re-check job asks again. */
    VERIFICATION_PENDING,
    /** A re-check found the NIK unknown to Dukcapil: the applicant must be corrected before submission. */
    NOT_REGISTERED,
    /** A re-check found other data (birth date) registered for the NIK. */
    MISMATCH
}
