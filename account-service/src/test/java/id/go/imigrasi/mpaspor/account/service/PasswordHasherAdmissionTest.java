package id.go.imigrasi.mpaspor.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The time bound of login admission (found by the spike benchmark: served logins waited over 2 s). */
class PasswordHasherAdmissionTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long MS = Duration.ofMillis(1).toNanos();

    @Test
    void asManyRequestsAsThreadsAreAlwaysAdmittedHoweverSlowTheHash() {
        assertThat(PasswordHasher.admits(1, 1, 5 * SECOND, SECOND)).isTrue();
        assertThat(PasswordHasher.admits(3, 3, 5 * SECOND, SECOND)).isTrue();
    }

    @Test
    void aRequestIsAdmittedWhileTheHashesAheadFitInTheMaximumWait() {
        // one thread, 100 ms per hash: the 10th waits for 9 and runs its own, 1 s in all
        assertThat(PasswordHasher.admits(10, 1, 100 * MS, SECOND)).isTrue();
        assertThat(PasswordHasher.admits(11, 1, 100 * MS, SECOND)).isFalse();
        // two threads hash two at a time
        assertThat(PasswordHasher.admits(20, 2, 100 * MS, SECOND)).isTrue();
        assertThat(PasswordHasher.admits(21, 2, 100 * MS, SECOND)).isFalse();
    }

    @Test
    void whenTheMachineSlowsDownFewerRequestsWait() {
        // the same position admitted at 100 ms per hash is shed at 300 ms per hash
        assertThat(PasswordHasher.admits(5, 1, 100 * MS, SECOND)).isTrue();
        assertThat(PasswordHasher.admits(5, 1, 300 * MS, SECOND)).isFalse();
    }

    @Test
    void aFewRefusalsAreToldToComeBackAfterTheBaseDelay() {
        // one thread at 80 ms per hash serves 12.5 logins a second; 10 refusals in the last second are few
        assertThat(PasswordHasher.retryAfter(10, 1, 80 * MS, Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aCrowdIsToldToComeBackLaterTheMoreItOutnumbersTheHashRateUpToTheMaximum() {
        // 125 refusals a second against 12.5 served: come back in 10 s, so that retries arrive at the served rate
        assertThat(PasswordHasher.retryAfter(125, 1, 80 * MS, Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(10));
        // two threads serve twice as many: half the wait
        assertThat(PasswordHasher.retryAfter(125, 2, 80 * MS, Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(PasswordHasher.retryAfter(5_000, 1, 80 * MS, Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void recentRefusalsAreCountedPerSecondAndForgottenAfterAQuietSecond() {
        PasswordHasher.RecentCount count = new PasswordHasher.RecentCount();
        long t = 100 * SECOND;
        for (int i = 0; i < 40; i++) {
            count.count(t + i * MS);
        }
        // the next second still remembers the 40 of the previous one
        assertThat(count.count(t + SECOND + 1)).isEqualTo(40);
        // after a second without refusals, the count starts again
        assertThat(count.count(t + 3 * SECOND)).isEqualTo(1);
    }
}
