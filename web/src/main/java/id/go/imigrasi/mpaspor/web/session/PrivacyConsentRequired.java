package id.go.imigrasi.mpaspor.web.session;

/** An account's page was asked for before the account accepted the current privacy notice. */
public class PrivacyConsentRequired extends RuntimeException {

    private final String back;

    public PrivacyConsentRequired(String back) {
        super("privacy notice to accept", null, false, false);
        this.back = back;
    }

    /** Where the visitor was going (a path of this site), or empty. */
    public String back() {
        return back;
    }
}
