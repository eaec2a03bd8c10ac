package id.go.imigrasi.mpaspor.web.session;

/** A form arrived without the session's CSRF token (another site's form, or an expired session). */
public class CsrfRefused extends RuntimeException {

    public CsrfRefused() {
        super("CSRF token missing or wrong", null, false, false);
    }
}
