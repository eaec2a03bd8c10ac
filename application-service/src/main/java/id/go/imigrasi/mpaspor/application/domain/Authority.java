package id.go.imigrasi.mpaspor.application.domain;

import java.time.LocalDate;

/**
 * The account holder's declaration of authority over an applicant's personal data (UU PDP 27/2022): whose data they
 * enter and on what grounds. A child's data (under the adult age, {@link DocumentRequirements#isMinor}) may only be
 * entered by a parent or a legal guardian (art. 25: a child's data is processed with the consent of a parent or
 * guardian).
 */
public enum Authority {
    /** The holder applies for themselves. */
    SELF,
    /** The holder is the applicant's parent. */
    PARENT,
    /** The holder is the applicant's legal guardian. */
    GUARDIAN,
    /** An adult family member authorised the holder to apply for them. */
    AUTHORISED;

    /** Whether this declaration can stand for an applicant born on {@code birthDate}. */
    public boolean allowedFor(LocalDate birthDate, LocalDate today, int adultAge) {
        return !DocumentRequirements.isMinor(birthDate, today, adultAge) || this == PARENT || this == GUARDIAN;
    }
}
