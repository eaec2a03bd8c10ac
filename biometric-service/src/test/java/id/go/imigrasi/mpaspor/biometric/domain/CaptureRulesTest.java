package id.go.imigrasi.mpaspor.biometric.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.biometric.domain.CaptureRules.FingerState;

class CaptureRulesTest {

    private final CaptureRules rules = new CaptureRules(70, 40, 3);
    private final UUID appointment = UUID.randomUUID();

    private FingerCapture finger(Finger f, int attempts, boolean passed, FingerException exception) {
        FingerCapture c = FingerCapture.of(appointment, f);
        c.attempts = attempts;
        c.passed = passed;
        c.exceptionKind = exception;
        return c;
    }

    private List<FingerCapture> allPassed() {
        List<FingerCapture> all = new ArrayList<>();
        for (Finger f : Finger.values()) {
            all.add(finger(f, 1, true, null));
        }
        return all;
    }

    @Test
    void thresholdsAreInclusiveAndTheFaceNeedsTheIcaoPass() {
        assertThat(rules.facePasses(70, true)).isTrue();
        assertThat(rules.facePasses(69, true)).isFalse();
        assertThat(rules.facePasses(100, false)).isFalse();
        assertThat(rules.fingerPasses(40)).isTrue();
        assertThat(rules.fingerPasses(39)).isFalse();
    }

    @Test
    void aFingerIsRetriedUntilTheMaximumThenNeedsAnException() {
        assertThat(rules.state(null)).isEqualTo(FingerState.PENDING);
        assertThat(rules.state(finger(Finger.LEFT_INDEX, 2, false, null))).isEqualTo(FingerState.RETRY);
        FingerCapture exhausted = finger(Finger.LEFT_INDEX, 3, false, null);
        assertThat(rules.state(exhausted)).isEqualTo(FingerState.EXCEPTION_REQUIRED);
        assertThat(rules.acceptsAttempt(exhausted)).isFalse();
        assertThat(rules.acceptsException(exhausted, FingerException.UNREADABLE)).isTrue();
        assertThat(rules.acceptsException(finger(Finger.LEFT_INDEX, 2, false, null), FingerException.INJURED)).isFalse();
        assertThat(rules.acceptsException(null, FingerException.AMPUTATED)).isTrue();
        assertThat(rules.acceptsException(finger(Finger.LEFT_INDEX, 1, true, null), FingerException.AMPUTATED)).isFalse();
    }

    @Test
    void completeWhenFacePassedAndEveryFingerPassedOrExcused() {
        List<FingerCapture> all = allPassed();
        assertThat(rules.complete(true, all)).isTrue();
        assertThat(rules.complete(false, all)).isFalse();
        all.set(3, finger(Finger.RIGHT_RING, 3, false, FingerException.INJURED));
        assertThat(rules.complete(true, all)).isTrue();
        all.set(4, finger(Finger.RIGHT_LITTLE, 3, false, null));
        assertThat(rules.complete(true, all)).isFalse();
        all.remove(4);
        assertThat(rules.complete(true, all)).as("a finger never reported").isFalse();
    }
}
