package id.go.imigrasi.mpaspor.web.session;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.RequestScoped;

/** The current request's visitor: their session, and whether the response must (re)set the session cookie. */
@RequestScoped
public class Visit {

    public static final String COOKIE = "mpaspor_session";
    /**
     * The session's note that the account must accept the current privacy notice before its pages (set at login
     * from the API's {@code GET /accounts/me}, cleared once accepted).
     */
    public static final String PRIVACY_REQUIRED = "privacy-required";

    private Session session;
    private boolean cookieChanged;
    private boolean cookieCleared;
    private boolean secure;
    private String clientAddress;
    private String path = "/";
    private boolean read = true;

    public Session session() {
        return session;
    }

    void begin(Session session, boolean isNew, boolean secure, String clientAddress, String path, boolean read) {
        this.read = read;
        this.session = session;
        this.cookieChanged = isNew;
        this.secure = secure;
        this.clientAddress = clientAddress;
        this.path = path;
    }

    /** Replaces the session (login); the response carries the new cookie. */
    public void replace(Session fresh) {
        this.session = fresh;
        this.cookieChanged = true;
    }

    public void clearCookie() {
        this.cookieCleared = true;
    }

    boolean cookieChanged() {
        return cookieChanged;
    }

    boolean cookieCleared() {
        return cookieCleared;
    }

    public boolean secure() {
        return secure;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String path() {
        return path;
    }

    /** The current path and query, URL-encoded (the language switch comes back to it). */
    public String pathEncoded() {
        return java.net.URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    public String language() {
        return session.language();
    }

    public boolean english() {
        return "en".equals(session.language());
    }

    public boolean loggedIn() {
        return session.loggedIn();
    }

    /** The person an officer is acting for at the desk (walk-in registration), or null: shown on every page. */
    public String assisting() {
        return session.loggedIn() ? session.note("desk.person") : null;
    }

    public String csrf() {
        return session.csrf();
    }

    /** A form's CSRF token must be the session's (constant-time comparison); otherwise {@link CsrfRefused}. */
    public void requireCsrf(String token) {
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                session.csrf().getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRefused();
        }
    }

    /**
     * Pages of an account: a visitor who is not logged in is sent to the login page; an account that must accept
     * the current privacy notice first is sent to it, and comes back here afterwards (to a page it was reading; a
     * form sent meanwhile is not sent again).
     */
    public void requireLogin() {
        requireLoginOnly();
        if (session.note(PRIVACY_REQUIRED) != null) {
            throw new PrivacyConsentRequired(read ? path : "");
        }
    }

    /** Logged in, whatever the privacy notice: the notice's acceptance page itself. */
    public void requireLoginOnly() {
        if (!session.loggedIn()) {
            throw new LoginRequired(path);
        }
    }
}
