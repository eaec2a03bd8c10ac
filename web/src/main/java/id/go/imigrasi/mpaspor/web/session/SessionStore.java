package id.go.imigrasi.mpaspor.web.session;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.web.WebConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * The sessions, sealed in the visitor's cookie ({@link SessionCodec}): nothing is kept on this instance, so every
 * instance with the same keys serves the same visitor, and a restart logs nobody out. A session unused for
 * {@code mpaspor.web.session-idle} opens no more (the time it was last used is sealed with it, renewed at most
 * once a minute so not every answer sets the cookie). A login gives a new session id (no fixation).
 * <p>
 * An ended session (logout, login) must not come back from an old copy of its cookie: its refresh token is
 * revoked at the API, whose {@code SessionRevoked} makes the gateway refuse its access token within moments on
 * every instance; this instance also remembers the ended ids itself (until they would have gone idle), so here
 * the old cookie opens nothing at once.
 */
@ApplicationScoped
public class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How stale the sealed "last used" may get before the cookie is sealed again. */
    private static final java.time.Duration TOUCH_EVERY = java.time.Duration.ofMinutes(1);

    private final SessionCodec codec;
    private final WebConfig config;
    private final Map<String, Instant> ended = new ConcurrentHashMap<>();

    public SessionStore(WebConfig config, SessionCodec codec) {
        this.config = config;
        this.codec = codec;
    }

    /** The session sealed in a cookie, if it is ours, unchanged, not idle and not ended. */
    public Optional<Session> find(String cookie) {
        Optional<byte[]> plain = codec.open(cookie);
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> state;
        try {
            state = JSON.readValue(plain.get(), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            return Optional.empty();
        }
        String id = text(state, "id");
        String csrf = text(state, "csrf");
        Instant seen = Instant.ofEpochSecond(number(state, "seen"));
        if (id == null || csrf == null || ended.containsKey(id)
                || seen.plus(config.sessionIdle()).isBefore(Instant.now())) {
            return Optional.empty();
        }
        Session s = new Session(id, csrf, "en".equals(state.get("lang")) ? "en" : "id");
        if (state.get("notes") instanceof Map<?, ?> notes) {
            notes.forEach((k, v) -> s.notes().put(String.valueOf(k), String.valueOf(v)));
        }
        s.restore(text(state, "at"), text(state, "rt"), Instant.ofEpochSecond(number(state, "atExp")),
                text(state, "email"), seen);
        if (seen.plus(TOUCH_EVERY).isBefore(Instant.now()) || codec.oldKey(cookie)) {
            s.touch();
        }
        return Optional.of(s);
    }

    public Session create(String language) {
        return new Session(randomId(), randomId(), language);
    }

    /** A new id for the same visitor (at login): the old id stops working here; language and notes carry over. */
    public Session renew(Session old) {
        end(old);
        Session fresh = create(old.language());
        fresh.notes().putAll(old.notes());
        return fresh;
    }

    public void remove(Session s) {
        end(s);
    }

    /** The cookie's value for a session: everything it holds, sealed. */
    public String seal(Session s) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", s.id());
        state.put("csrf", s.csrf());
        state.put("lang", s.language());
        state.put("seen", s.lastSeen().getEpochSecond());
        if (s.refreshToken() != null) {
            state.put("at", s.accessToken());
            state.put("rt", s.refreshToken());
            state.put("atExp", s.accessExpiresAt().getEpochSecond());
            state.put("email", s.email());
        }
        if (!s.notes().isEmpty()) {
            state.put("notes", s.notes());
        }
        try {
            return codec.seal(JSON.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void end(Session s) {
        if (ended.size() >= config.maxSessions()) {
            evictEnded();
        }
        ended.put(s.id(), Instant.now().plus(config.sessionIdle()));
    }

    @Scheduled(every = "1m")
    void evictEnded() {
        Instant now = Instant.now();
        ended.values().removeIf(until -> until.isBefore(now));
    }

    private static String text(Map<String, Object> state, String key) {
        Object v = state.get(key);
        return v == null ? null : v.toString();
    }

    private static long number(Map<String, Object> state, String key) {
        return state.get(key) instanceof Number n ? n.longValue() : 0;
    }

    static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
