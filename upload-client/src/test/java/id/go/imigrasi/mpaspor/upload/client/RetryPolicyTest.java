package id.go.imigrasi.mpaspor.upload.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private static RetryPolicy withFixedRandom(double r) {
        return RetryPolicy.defaults().withRandom(() -> r);
    }

    @Test
    void defaultsAreBaseOneSecondAndCapThirtySeconds() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.base()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.cap()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void ceilingDoublesWithEachConsecutiveFailureUntilTheCap() {
        RetryPolicy policy = RetryPolicy.defaults();
        List<Duration> ceilings = new ArrayList<>();
        for (int failures = 1; failures <= 8; failures++) {
            ceilings.add(policy.ceiling(failures));
        }
        assertThat(ceilings).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
        assertThat(policy.ceiling(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void baseAndCapAreConfigurable() {
        RetryPolicy policy = RetryPolicy.defaults().withBase(Duration.ofMillis(100)).withCap(Duration.ofMillis(500));
        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.ceiling(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.ceiling(4)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void fullJitterScalesTheCeilingByTheRandomDraw() {
        assertThat(withFixedRandom(0.0).backoff(4)).isEqualTo(Duration.ZERO);
        assertThat(withFixedRandom(0.5).backoff(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(withFixedRandom(0.25).backoff(20)).isEqualTo(Duration.ofMillis(7500));
    }

    @Test
    void jitteredBackoffStaysWithinZeroAndTheCeilingAndSpreadsOverIt() {
        SplittableRandom seeded = new SplittableRandom(42);
        RetryPolicy policy = RetryPolicy.defaults().withRandom(seeded::nextDouble);
        for (int failures = 1; failures <= 10; failures++) {
            Duration ceiling = policy.ceiling(failures);
            long below = 0;
            long above = 0;
            for (int i = 0; i < 2_000; i++) {
                Duration d = policy.backoff(failures);
                assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(ceiling);
                if (d.compareTo(ceiling.dividedBy(2)) < 0) {
                    below++;
                } else {
                    above++;
                }
            }
            // full jitter is uniform: both halves of [0, ceiling) are well used
            assertThat(below).isBetween(800L, 1200L);
            assertThat(above).isBetween(800L, 1200L);
        }
    }

    @Test
    void retryAfterIsAFloorWhenTheBackoffIsShorter() {
        RetryPolicy noSpread = withFixedRandom(0.0).withRetryAfterSpread(0);
        assertThat(noSpread.delay(1, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));

        RetryPolicy spread = withFixedRandom(0.5);
        // backoff 0.5 s, Retry-After 5 s spread by 0.5 * 20 % = 10 %
        assertThat(spread.delay(1, Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(5500));
    }

    @Test
    void retryAfterSpreadNeverGoesBelowWhatTheServerAsked() {
        SplittableRandom seeded = new SplittableRandom(7);
        RetryPolicy policy = RetryPolicy.defaults().withRandom(seeded::nextDouble);
        for (int i = 0; i < 1_000; i++) {
            assertThat(policy.delay(1, Duration.ofSeconds(3)))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(3))
                    .isLessThanOrEqualTo(Duration.ofMillis(3600));
        }
    }

    @Test
    void aLongerBackoffWinsOverAShortRetryAfter() {
        RetryPolicy policy = withFixedRandom(0.9);
        // ceiling(6) = 30 s, backoff 27 s > Retry-After 1 s (+18 %)
        assertThat(policy.delay(6, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(27));
    }

    @Test
    void withoutRetryAfterTheDelayIsTheJitteredBackoff() {
        assertThat(withFixedRandom(0.75).delay(3, null)).isEqualTo(Duration.ofSeconds(3));
        assertThat(withFixedRandom(0.75).delay(3, Duration.ZERO)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRandomSourceOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> withFixedRandom(1.0).backoff(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> withFixedRandom(-0.1).backoff(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withBase(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withCap(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withRetryAfterSpread(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overloadServerErrorsAndTimeoutsAreRetryableButClientErrorsAreNot() {
        assertThat(List.of(408, 429, 500, 502, 503, 504)).allMatch(RetryPolicy::isRetryableStatus);
        assertThat(List.of(200, 400, 401, 403, 404, 409, 410, 413, 415, 460, 501, 505))
                .noneMatch(RetryPolicy::isRetryableStatus);
    }
}
