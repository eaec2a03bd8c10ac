package id.go.imigrasi.mpaspor.web.session;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.web.WebConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * The sessions, in memory, keyed by 256-bit random ids. A login replaces the visitor's session by a new one
 * (no fixation); idle sessions are forgotten.
 */
@ApplicationScoped
public class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final WebConfig config;

    public SessionStore(WebConfig config) {
        this.config = config;
    }

    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null || s.lastSeen().plus(config.sessionIdle()).isBefore(Instant.now())) {
            if (s != null) {
                sessions.remove(id);
            }
            return Optional.empty();
        }
        s.touch();
        return Optional.of(s);
    }

    public Session create(String language) {
        if (sessions.size() >= config.maxSessions()) {
            evictIdle();
        }
        Session s = new Session(randomId(), randomId(), language);
        sessions.put(s.id(), s);
        return s;
    }

    /** A new id for the same visitor (at login): the old id stops working; language and notes carry over. */
    public Session renew(Session old) {
        sessions.remove(old.id());
        Session fresh = create(old.language());
        fresh.notes().putAll(old.notes());
        return fresh;
    }

    public void remove(Session s) {
        sessions.remove(s.id());
    }

    @Scheduled(every = "1m")
    void evictIdle() {
        Instant cutoff = Instant.now().minus(config.sessionIdle());
        sessions.values().removeIf(s -> s.lastSeen().isBefore(cutoff));
    }

    static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
