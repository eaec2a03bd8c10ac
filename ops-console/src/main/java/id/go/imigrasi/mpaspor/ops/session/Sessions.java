package id.go.imigrasi.mpaspor.ops.session;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import id.go.imigrasi.mpaspor.ops.config.OpsConfig;

/**
 * The console's sessions, sealed in the visitor's cookie ({@link SessionCodec}): nothing is kept in this process
 * but the key. A session unused for {@code mpaspor.ops.session-idle} opens no more; every login starts a new one
 * (new CSRF token: no fixation).
 */
@ApplicationScoped
public class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final SessionCodec codec;
    private final OpsConfig config;
    private final Clock clock;

    public Sessions(OpsConfig config, Clock clock) {
        this.codec = new SessionCodec(config.sessionKey());
        this.config = config;
        this.clock = clock;
    }

    public OpsSession anonymous() {
        return new OpsSession(token(), null, null, clock.instant());
    }

    public OpsSession loggedIn(String accessToken, String email) {
        return new OpsSession(token(), accessToken, email, clock.instant());
    }

    public Optional<OpsSession> open(String cookie) {
        return codec.open(cookie).flatMap(plain -> {
            try {
                OpsSession session = JSON.readValue(plain, OpsSession.class);
                Instant now = clock.instant();
                if (session.csrf() == null || session.lastSeen() == null
                        || session.lastSeen().plus(config.sessionIdle()).isBefore(now)) {
                    return Optional.empty();
                }
                return Optional.of(session);
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    public String seal(OpsSession session) {
        try {
            return codec.seal(JSON.writeValueAsBytes(session));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same session, marked used now. */
    public OpsSession touched(OpsSession session) {
        return new OpsSession(session.csrf(), session.accessToken(), session.email(), clock.instant());
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
