package id.go.imigrasi.mpaspor.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A refusal's Retry-After spreads a crowd over the time it takes to serve it. */
class CrowdRetryAfterTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long MS = Duration.ofMillis(1).toNanos();
    private static final Duration FIVE = Duration.ofSeconds(5);
    private static final Duration THIRTY = Duration.ofSeconds(30);

    @Test
    void aFewRefusalsAreToldToComeBackAfterTheBase() {
        assertThat(CrowdRetryAfter.of(10, 12.5, Duration.ofSeconds(1), THIRTY)).isEqualTo(Duration.ofSeconds(1));
        assertThat(CrowdRetryAfter.of(3, 12.5, FIVE, THIRTY)).isEqualTo(FIVE);
    }

    @Test
    void aCrowdIsToldToComeBackLaterTheMoreItOutnumbersTheServedRateUpToTheMaximum() {
        // 125 refusals a second against 12.5 served: come back in 10 s, so that retries arrive at the served rate
        assertThat(CrowdRetryAfter.of(125, 12.5, Duration.ofSeconds(1), THIRTY)).isEqualTo(Duration.ofSeconds(10));
        // with a base of 5 s the same crowd is spread over 50 s: at most the maximum
        assertThat(CrowdRetryAfter.of(125, 12.5, FIVE, THIRTY)).isEqualTo(THIRTY);
        assertThat(CrowdRetryAfter.of(25, 12.5, FIVE, THIRTY)).isEqualTo(Duration.ofSeconds(10));
        // nothing served counts as one a second, not as a division by zero
        assertThat(CrowdRetryAfter.of(4, 0, FIVE, THIRTY)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theServedRateIsCountedWhenTheCallerDoesNotKnowIt() {
        AtomicLong now = new AtomicLong(100 * SECOND);
        CrowdRetryAfter crowd = new CrowdRetryAfter(FIVE, THIRTY, now::get);
        for (int i = 0; i < 20; i++) {
            crowd.served();
        }
        // 20 served, 1..20 refused: the base; the 40th refusal of the second is twice as many as were served
        for (int i = 0; i < 39; i++) {
            assertThat(crowd.refused()).isLessThanOrEqualTo(Duration.ofSeconds(10));
        }
        assertThat(crowd.refused()).isEqualTo(Duration.ofSeconds(10));
        // three quiet seconds later, the counts start again: one refusal against nothing served is few
        now.addAndGet(3 * SECOND);
        assertThat(crowd.refused()).isEqualTo(FIVE);
        // with nothing served, more than a few refusals a second are pushed back further: 20 against 10 a second
        for (int i = 0; i < 18; i++) {
            crowd.refused();
        }
        assertThat(crowd.refused()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void recentEventsAreCountedPerSecondAndForgottenAfterAQuietSecond() {
        CrowdRetryAfter.RecentCount count = new CrowdRetryAfter.RecentCount();
        long t = 100 * SECOND;
        for (int i = 0; i < 40; i++) {
            count.add(t + i * MS);
        }
        // the next second still remembers the 40 of the previous one
        assertThat(count.add(t + SECOND + 1)).isEqualTo(40);
        assertThat(count.get(t + SECOND + 2)).isEqualTo(40);
        // after a second without events, the count starts again
        assertThat(count.add(t + 3 * SECOND)).isEqualTo(1);
    }
}
