package id.go.imigrasi.mpaspor.web.session;

/** An account's page was asked for without a login (or the API refused the session's tokens). */
public class LoginRequired extends RuntimeException {

    private final String back;

    public LoginRequired(String back) {
        super("login required", null, false, false);
        this.back = back;
    }

    public String back() {
        return back;
    }
}
