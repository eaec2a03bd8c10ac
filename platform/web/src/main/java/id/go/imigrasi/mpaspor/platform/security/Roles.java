package id.go.imigrasi.mpaspor.platform.security;

/** The JWT {@code groups} account-service issues; use with {@code @RolesAllowed}. */
public final class Roles {

    public static final String APPLICANT = "applicant";
    public static final String OFFICER = "officer";
    public static final String ADMIN = "admin";
    /** Operations staff: the ops console ({@code /ops}); an admin may use it too. */
    public static final String OPS = "ops";

    /** The claim that carries an officer's immigration office code, e.g. {@code "JKTSEL"}. */
    public static final String OFFICE_CLAIM = "office_code";
    /** The claim naming the officer acting for the subject at a desk (RFC 8693 {@code act}). */
    public static final String ACTOR_CLAIM = "act";

    private Roles() {
    }
}
