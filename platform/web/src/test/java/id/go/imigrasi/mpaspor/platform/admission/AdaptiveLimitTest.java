package id.go.imigrasi.mpaspor.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The in-flight limit follows the latency: slow answers under load shrink it, quick answers at the limit grow it. */
class AdaptiveLimitTest {

    private static final long MS = 1_000_000L;
    private final AtomicLong clock = new AtomicLong();

    private AdaptiveLimit limit(int min, int initial, int max) {
        return new AdaptiveLimit(min, initial, max, Duration.ofMillis(150), Duration.ofMillis(100), clock::get);
    }

    /** Fills the limit, then answers every admitted hold with the given latency and lets a window pass. */
    private void windowAt(AdaptiveLimit limit, long latencyMs) {
        int admitted = 0;
        while (limit.tryAcquire()) {
            admitted++;
        }
        clock.addAndGet(100 * MS);
        for (int i = 0; i < admitted; i++) {
            limit.release(latencyMs * MS);
        }
    }

    @Test
    void beyondTheLimitAHoldIsNotAdmittedUntilAPlaceComesBack() {
        AdaptiveLimit limit = limit(1, 2, 2);
        assertThat(limit.tryAcquire()).isTrue();
        assertThat(limit.tryAcquire()).isTrue();
        assertThat(limit.tryAcquire()).isFalse();
        assertThat(limit.inFlight()).isEqualTo(2);
        limit.release(MS);
        assertThat(limit.tryAcquire()).isTrue();
    }

    @Test
    void aPlaceTakenPastTheLimitIsInFlightAndKeepsTheOthersOutUntilItComesBack() {
        AdaptiveLimit limit = limit(1, 1, 2);
        assertThat(limit.tryAcquire()).isTrue();
        limit.acquire();
        assertThat(limit.inFlight()).isEqualTo(2);
        limit.release(MS);
        assertThat(limit.hasRoom()).as("one still in flight, at the limit of one").isFalse();
        assertThat(limit.tryAcquire()).isFalse();
        limit.release(MS);
        assertThat(limit.tryAcquire()).isTrue();
        assertThat(limit.inFlight()).isEqualTo(1);
    }

    @Test
    void slowAnswersShrinkTheLimitDownToTheFloor() {
        AdaptiveLimit limit = limit(8, 64, 256);
        windowAt(limit, 400);
        assertThat(limit.limit()).isEqualTo(57);
        for (int i = 0; i < 50; i++) {
            windowAt(limit, 400);
        }
        assertThat(limit.limit()).isEqualTo(8);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void quickAnswersAtTheLimitGrowItUpToTheCeiling() {
        AdaptiveLimit limit = limit(8, 64, 256);
        windowAt(limit, 20);
        assertThat(limit.limit()).isEqualTo(68);
        for (int i = 0; i < 100; i++) {
            windowAt(limit, 20);
        }
        assertThat(limit.limit()).isEqualTo(256);
    }

    @Test
    void quickAnswersBelowTheLimitLeaveItAsItIs() {
        AdaptiveLimit limit = limit(8, 64, 256);
        for (int i = 0; i < 10; i++) {
            assertThat(limit.tryAcquire()).isTrue();
            clock.addAndGet(100 * MS);
            limit.release(5 * MS);
        }
        assertThat(limit.limit()).isEqualTo(64);
    }

    @Test
    void aFewSlowAnswersAmongManyQuickOnesDoNotShrinkIt() {
        AdaptiveLimit limit = limit(8, 20, 256);
        for (int i = 0; i < 20; i++) {
            assertThat(limit.tryAcquire()).isTrue();
        }
        for (int i = 0; i < 19; i++) {
            limit.release((i == 0 ? 900 : 10) * MS);
        }
        clock.addAndGet(100 * MS);
        limit.release(10 * MS);
        assertThat(limit.limit()).as("1 slow of 20 is under a tenth; the limit was reached, so it grows").isEqualTo(21);
    }

    @Test
    void theLimitRecoversOnceTheLatencyDoes() {
        AdaptiveLimit limit = limit(8, 64, 256);
        for (int i = 0; i < 30; i++) {
            windowAt(limit, 500);
        }
        assertThat(limit.limit()).isEqualTo(8);
        for (int i = 0; i < 30; i++) {
            windowAt(limit, 30);
        }
        assertThat(limit.limit()).isGreaterThan(30);
    }

    @Test
    void slowAnswersWithFewInFlightDoNotShrinkIt() {
        AdaptiveLimit limit = limit(8, 64, 256);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(limit.tryAcquire()).isTrue();
            }
            clock.addAndGet(100 * MS);
            for (int j = 0; j < 3; j++) {
                limit.release(900 * MS); // e.g. a slow call to another system, not a queue
            }
        }
        assertThat(limit.limit()).isEqualTo(64);
    }

    @Test
    void aFloorAboveTheCeilingIsTheCeiling() {
        AdaptiveLimit limit = limit(8, 64, 1);
        assertThat(limit.limit()).isEqualTo(1);
        windowAt(limit, 1000);
        assertThat(limit.limit()).isEqualTo(1);
    }
}
