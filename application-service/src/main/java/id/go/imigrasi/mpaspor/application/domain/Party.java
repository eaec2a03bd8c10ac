package id.go.imigrasi.mpaspor.application.domain;

/**
 * Who acts on an application's ticket, correction or mail: its applicant (the owner, possibly helped at a desk), an
 * officer of the office it is booked at, or an admin. Recorded with each message, correction and resend.
 */
public enum Party {
    APPLICANT, OFFICER, ADMIN;

    /** The office side (officer or admin): answers tickets rather than asking. */
    public boolean staff() {
        return this != APPLICANT;
    }
}
