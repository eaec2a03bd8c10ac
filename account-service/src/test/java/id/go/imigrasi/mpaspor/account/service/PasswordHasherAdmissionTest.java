package id.go.imigrasi.mpaspor.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.platform.admission.CrowdRetryAfter;

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
    void aRefusalsRetryAfterWeighsTheCrowdAgainstThePoolsHashRate() {
        // one thread at 80 ms per hash serves 12.5 logins a second: 10 refusals a second are few, 125 are ten times that
        double rate = PasswordHasher.hashesPerSecond(1, 80 * MS);
        assertThat(rate).isEqualTo(12.5);
        assertThat(CrowdRetryAfter.of(10, rate, Duration.ofSeconds(1), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(1));
        assertThat(CrowdRetryAfter.of(125, rate, Duration.ofSeconds(1), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(10));
        // two threads serve twice as many: half the wait
        assertThat(CrowdRetryAfter.of(125, PasswordHasher.hashesPerSecond(2, 80 * MS), Duration.ofSeconds(1),
                Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theEstimateCatchesUpWithSlowerHashesAtOnceAndForgetsThemSlowly() {
        // idle 100 ms per hash; then the wave, 300 ms each: after two hashes admission already decides by ~250 ms
        long estimate = 100 * MS;
        estimate = PasswordHasher.estimate(estimate, 300 * MS);
        estimate = PasswordHasher.estimate(estimate, 300 * MS);
        assertThat(estimate).isEqualTo(250 * MS);
        // so the 5th in line is shed (4 x 250 ms ahead plus its own is over 1 s), as the 5th of the machine's
        // real 300 ms would have waited too long; at an estimate rising by 1/8 it was ~147 ms and admitted
        assertThat(PasswordHasher.admits(5, 1, estimate, SECOND)).isFalse();
        long slowRise = 100 * MS + (300 * MS - 100 * MS) / 8;
        slowRise = slowRise + (300 * MS - slowRise) / 8;
        assertThat(PasswordHasher.admits(5, 1, slowRise, SECOND)).isTrue();
        // back to 100 ms: one faster hash lowers the estimate by an eighth of the difference only
        assertThat(PasswordHasher.estimate(250 * MS, 90 * MS)).isEqualTo(230 * MS);
    }
}
