package id.go.imigrasi.mpaspor.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Login sessions ({@code sid} claim) that ended before their access tokens expired, kept in memory until no token
 * of theirs can be valid any more. Fed from {@code account.events} (SessionRevoked) by every instance, so every
 * instance agrees; checked on every authenticated request by {@link RevokedSessionCheck}.
 */
@ApplicationScoped
public class RevokedSessions {

    private final Map<String, Instant> until = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Instant nextSweep = Instant.EPOCH;

    @Inject
    public RevokedSessions() {
        this(Clock.systemUTC());
    }

    RevokedSessions(Clock clock) {
        this.clock = clock;
    }

    /** Tokens of session {@code sid} are refused until {@code forgetAt} (when they have all expired). */
    public void revoke(String sid, Instant forgetAt) {
        Instant now = clock.instant();
        if (sid == null || !forgetAt.isAfter(now)) {
            return;
        }
        until.merge(sid, forgetAt, (a, b) -> a.isAfter(b) ? a : b);
        if (now.isAfter(nextSweep)) {
            nextSweep = now.plusSeconds(60);
            until.values().removeIf(t -> !t.isAfter(now));
        }
    }

    public boolean isRevoked(String sid) {
        if (sid == null) {
            return false;
        }
        Instant forgetAt = until.get(sid);
        return forgetAt != null && forgetAt.isAfter(clock.instant());
    }

    /** Sessions currently kept. */
    public int size() {
        return until.size();
    }
}
