package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.account.domain.LoginGuard;

/** The login attempt rule without a database: per (email, client) lockout, and the per-email back-off. */
class LoginThrottleTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    private final LoginThrottle throttle = new LoginThrottle(null, Policies.of(AccountConfig.class,
            Map.of("lockout", Policies.of(AccountConfig.Lockout.class, Map.of("maxFailures", 5,
                    "window", Duration.ofMinutes(15), "duration", Duration.ofMinutes(15),
                    "global", Policies.of(AccountConfig.Lockout.Global.class, Map.of("freeAttempts", 10,
                            "window", Duration.ofHours(1), "baseDelay", Duration.ofSeconds(1),
                            "maxDelay", Duration.ofSeconds(30))))))),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static LoginGuard row(String client) {
        LoginGuard row = new LoginGuard();
        row.email = "siti@contoh.co.id";
        row.client = client;
        row.windowStart = NOW;
        return row;
    }

    @Test
    void fiveAttemptsOfOneClientAreCountedTheSixthWaitsForTheirOutcome() {
        LoginGuard global = row(LoginGuard.GLOBAL);
        LoginGuard own = row("203.0.113.7");
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.reserve(global, own, NOW)).isEmpty();
        }
        assertThat(own.attempts).isEqualTo(5);
        assertThat(throttle.reserve(global, own, NOW)).contains(Duration.ofSeconds(1));
        assertThat(own.attempts).as("a refused attempt is not counted").isEqualTo(5);
    }

    @Test
    void aLockedPairWaitsForTheLockWhileAnotherClientStillTries() {
        LoginGuard global = row(LoginGuard.GLOBAL);
        LoginGuard own = row("203.0.113.7");
        own.lockedUntil = NOW.plusSeconds(600);
        assertThat(throttle.reserve(global, own, NOW)).contains(Duration.ofSeconds(600));
        assertThat(throttle.reserve(global, row("198.51.100.9"), NOW)).isEmpty();
    }

    @Test
    void theCountStartsAgainAfterTheWindow() {
        LoginGuard global = row(LoginGuard.GLOBAL);
        LoginGuard own = row("203.0.113.7");
        own.attempts = 5;
        own.windowStart = NOW.minus(Duration.ofMinutes(16));
        assertThat(throttle.reserve(global, own, NOW)).isEmpty();
        assertThat(own.attempts).isEqualTo(1);
    }

    @Test
    void beyondTheFreeAttemptsOfAnEmailEachAttemptDoublesTheWaitUpToTheMaximum() {
        LoginGuard global = row(LoginGuard.GLOBAL);
        global.attempts = 10;
        assertThat(throttle.reserve(global, row("203.0.113.1"), NOW)).isEmpty();
        assertThat(global.lockedUntil).isEqualTo(NOW.plusSeconds(1));
        assertThat(throttle.reserve(global, row("203.0.113.2"), NOW)).contains(Duration.ofSeconds(1));
        assertThat(throttle.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delay(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(throttle.delay(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.delay(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLockedGlobalRowWaitsForItsBackOff() {
        LoginGuard global = row(LoginGuard.GLOBAL);
        global.lockedUntil = NOW.plusSeconds(8);
        Optional<Duration> refused = throttle.reserve(global, row("203.0.113.7"), NOW);
        assertThat(refused).contains(Duration.ofSeconds(8));
    }
}
