package id.go.imigrasi.mpaspor.web.session;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One visitor's state: a random id, the CSRF token of its forms, its language, and once logged in the API's tokens.
 * It travels sealed in the visitor's HttpOnly cookie ({@link SessionStore}, {@link SessionCodec}: encrypted and
 * authenticated, so the tokens never reach the page or JavaScript and any instance can serve the visitor). A change
 * marks it {@link #changed()}, so the answer carries the cookie sealed again.
 */
public final class Session {

    private final String id;
    private final String csrf;
    private volatile String language;
    private volatile String accessToken;
    private volatile String refreshToken;
    private volatile Instant accessExpiresAt = Instant.EPOCH;
    private volatile String email;
    private volatile Instant lastSeen = Instant.now();
    private volatile boolean changed;
    /** Scratch values of a journey (the hold of an application before its submission, an e-mail awaiting its OTP). */
    private final Map<String, String> notes = new ConcurrentHashMap<>();

    Session(String id, String csrf, String language) {
        this.id = id;
        this.csrf = csrf;
        this.language = language;
    }

    public String id() {
        return id;
    }

    public String csrf() {
        return csrf;
    }

    public String language() {
        return language;
    }

    public void language(String language) {
        this.language = language;
        this.changed = true;
    }

    public boolean loggedIn() {
        return refreshToken != null;
    }

    public String accessToken() {
        return accessToken;
    }

    public String refreshToken() {
        return refreshToken;
    }

    public Instant accessExpiresAt() {
        return accessExpiresAt;
    }

    public String email() {
        return email;
    }

    public void tokens(String access, String refresh, long expiresInSeconds) {
        this.accessToken = access;
        if (refresh != null) {
            this.refreshToken = refresh;
        }
        // renewed a little before the API would refuse it
        this.accessExpiresAt = Instant.now().plusSeconds(Math.max(0, expiresInSeconds - 30));
        this.changed = true;
    }

    public void email(String email) {
        this.email = email;
        this.changed = true;
    }

    public void forgetTokens() {
        accessToken = null;
        refreshToken = null;
        accessExpiresAt = Instant.EPOCH;
        changed = true;
    }

    public String note(String key) {
        return notes.get(key);
    }

    public void note(String key, String value) {
        if (value == null ? notes.remove(key) != null : !value.equals(notes.put(key, value))) {
            changed = true;
        }
    }

    Map<String, String> notes() {
        return notes;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch() {
        lastSeen = Instant.now();
        changed = true;
    }

    /** Whether the cookie must be sealed again (something changed since it was opened). */
    public boolean changed() {
        return changed;
    }

    /** The state as it was sealed: the tokens, the access token's renewal time and when it was last used. */
    void restore(String access, String refresh, Instant accessExpiresAt, String email, Instant lastSeen) {
        this.accessToken = access;
        this.refreshToken = refresh;
        this.accessExpiresAt = accessExpiresAt;
        this.email = email;
        this.lastSeen = lastSeen;
        this.changed = false;
    }
}
