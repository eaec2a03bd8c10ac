package id.go.imigrasi.mpaspor.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.TestConfig;

/** The token buckets themselves: capacity, the wait they compute, independence of keys and scopes. */
class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter(TestConfig.gateway(Map.of(
            "mpaspor.gateway.rate-limits.login.capacity", "3",
            "mpaspor.gateway.rate-limits.login.period", "3m")));

    @Test
    void bucketAllowsItsCapacityThenTellsHowLongUntilTheNextToken() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.1")).isEmpty();
        }
        Optional<Duration> wait = limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.1");
        // 3 tokens per 3 minutes, refilled greedily: one token a minute
        assertThat(wait).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(55), Duration.ofMinutes(1)));
    }

    @Test
    void aRefundGivesBackOneTokenNeverMoreThanTheCapacity() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.5")).isEmpty();
        }
        assertThat(limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.5")).isPresent();
        limiter.refund(RateLimiter.Scope.LOGIN, "10.0.0.5");
        assertThat(limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.5")).isEmpty();
        assertThat(limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.5")).isPresent();
        // refunds on a full bucket, or for a key never seen, hand out nothing extra
        for (int i = 0; i < 5; i++) {
            limiter.refund(RateLimiter.Scope.LOGIN, "10.0.0.6");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.6")).isEmpty();
        }
        assertThat(limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.6")).isPresent();
        assertThat(limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.7")).isEmpty();
        limiter.refund(RateLimiter.Scope.LOGIN, "10.0.0.7");
        limiter.refund(RateLimiter.Scope.LOGIN, "10.0.0.7");
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.7")).isEmpty();
        }
        assertThat(limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.7")).isPresent();
    }

    @Test
    void keysAndScopesHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.2");
        }
        assertThat(limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.2")).isPresent();
        assertThat(limiter.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.3")).isEmpty();
        assertThat(limiter.tryAcquire(RateLimiter.Scope.IP, "10.0.0.2")).isEmpty();
        assertThat(limiter.tryAcquire(RateLimiter.Scope.OTP, "10.0.0.2")).isEmpty();
    }

    @Test
    void disabledLimitsAllowEverything() {
        RateLimiter off = new RateLimiter(TestConfig.gateway(Map.of(
                "mpaspor.gateway.rate-limits.enabled", "false",
                "mpaspor.gateway.rate-limits.login.capacity", "1")));
        for (int i = 0; i < 10; i++) {
            assertThat(off.tryAcquire(RateLimiter.Scope.LOGIN, "10.0.0.4")).isEmpty();
        }
    }
}
