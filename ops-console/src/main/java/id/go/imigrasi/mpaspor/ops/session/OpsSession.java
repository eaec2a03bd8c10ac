package id.go.imigrasi.mpaspor.ops.session;

import java.time.Instant;

/**
 * A console visitor's session, sealed in its HttpOnly cookie: the CSRF token of its forms and, once logged in, the
 * access token the public API gave it (never seen by the page or JavaScript), whose e-mail and when it was last used.
 */
public record OpsSession(String csrf, String accessToken, String email, Instant lastSeen) {

    public static final String COOKIE = "mpaspor_ops";

    public boolean loggedIn() {
        return accessToken != null;
    }
}
