package id.go.imigrasi.mpaspor.application.upload.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.upload.admission.PatchAdmission.Decision;
import id.go.imigrasi.mpaspor.application.upload.admission.PatchAdmission.Decision.Refusal;
import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The admission rules on their own: limits, fair share, bytes in flight, a Retry-After that grows. */
class PatchAdmissionTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Test
    void admitsUpToTheLimitAndRefusesTheNextAtOnceUntilASlotIsReleased() {
        PatchAdmission admission = admission(3, 100, 10_000);
        List<Decision> admitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            admitted.add(admission.tryAdmit("account-" + i, 100));
        }
        assertThat(admitted).allMatch(Decision::isAdmitted);

        Decision refused = admission.tryAdmit("account-9", 100);
        assertThat(refused.isAdmitted()).isFalse();
        assertThat(refused.refusal()).isEqualTo(Refusal.OVERLOAD);
        assertThat(refused.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(admission.inFlight()).isEqualTo(3);

        admitted.get(0).permit().release();
        admitted.get(0).permit().release(); // twice is once
        assertThat(admission.inFlight()).isEqualTo(2);
        assertThat(admission.tryAdmit("account-9", 100).isAdmitted()).isTrue();
        assertThat(admission.tryAdmit("account-10", 100).isAdmitted()).isFalse();
        assertThat(metrics.get("mpaspor.upload.patch.shed").tag("reason", "overload").counter().count())
                .isEqualTo(2);
        assertThat(metrics.get("mpaspor.upload.patch.in.flight").gauge().value()).isEqualTo(3);
        assertThat(metrics.get("mpaspor.upload.patch.limit").gauge().value()).isEqualTo(3);
    }

    @Test
    void anAccountOverItsShareGets429WhileOthersAreStillAdmitted() {
        PatchAdmission admission = admission(10, 2, 10_000);
        assertThat(admission.tryAdmit("greedy", 10).isAdmitted()).isTrue();
        assertThat(admission.tryAdmit("greedy", 10).isAdmitted()).isTrue();
        Decision third = admission.tryAdmit("greedy", 10);
        assertThat(third.refusal()).isEqualTo(Refusal.FAIR_SHARE);
        assertThat(admission.tryAdmit("modest", 10).isAdmitted()).isTrue();
        assertThat(admission.inFlight()).isEqualTo(3);
    }

    @Test
    void bytesInFlightAreLimitedButALoneLargeRequestStillPasses() {
        PatchAdmission admission = admission(10, 10, 1_000);
        Decision large = admission.tryAdmit("a", 5_000);
        assertThat(large.isAdmitted()).isTrue();
        assertThat(admission.tryAdmit("b", 10).refusal()).isEqualTo(Refusal.OVERLOAD);
        large.permit().release();
        assertThat(admission.tryAdmit("b", 600).isAdmitted()).isTrue();
        assertThat(admission.tryAdmit("c", 600).isAdmitted()).isFalse();
        assertThat(admission.bytesInFlight()).isEqualTo(600);
        // a chunked body counts as the assumed chunk size
        assertThat(admission.tryAdmit("d", -1).isAdmitted()).isFalse();
    }

    @Test
    void retryAfterGrowsWithTheNumberOfRecentShedsAndIsCapped() {
        PatchAdmission admission = admission(2, 10, 10_000);
        admission.tryAdmit("a", 1);
        admission.tryAdmit("b", 1);
        Duration first = admission.tryAdmit("c", 1).retryAfter();
        Duration later = first;
        for (int i = 0; i < 10; i++) {
            later = admission.tryAdmit("c", 1).retryAfter();
        }
        assertThat(later).isGreaterThan(first);
        for (int i = 0; i < 200; i++) {
            later = admission.tryAdmit("c", 1).retryAfter();
        }
        assertThat(later).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void creationHeadAndDeleteAreLimitedToo503AtOnceUntilASlotIsReleased() {
        PatchAdmission admission = admission(2, 2, 1_000_000);
        Decision first = admission.tryAdmitRequest();
        Decision second = admission.tryAdmitRequest();
        Decision third = admission.tryAdmitRequest();
        assertThat(first.isAdmitted()).isTrue();
        assertThat(second.isAdmitted()).isTrue();
        assertThat(third.refusal()).isEqualTo(Refusal.OVERLOAD);
        assertThat(third.retryAfter()).isPositive();
        assertThat(admission.requestsInFlight()).isEqualTo(2);
        // PATCHes have their own slots
        assertThat(admission.tryAdmit("a", 10).isAdmitted()).isTrue();
        first.permit().release();
        first.permit().release(); // released once only
        assertThat(admission.requestsInFlight()).isEqualTo(1);
        assertThat(admission.tryAdmitRequest().isAdmitted()).isTrue();
    }

    @Test
    void anOverloadedInstanceRefusesBeforeItLooksAtTheAccount() {
        PatchAdmission admission = admission(1, 1, 1_000_000);
        Decision held = admission.tryAdmitPatch(10);
        assertThat(held.isAdmitted()).isTrue();
        assertThat(admission.tryAdmitPatch(10).refusal()).isEqualTo(Refusal.OVERLOAD);
        assertThat(held.permit().claimShare("a").isAdmitted()).isTrue();
        held.permit().release();
        // the account's share is claimed only by an admitted permit, and given back with it
        Decision again = admission.tryAdmitPatch(10);
        assertThat(again.permit().claimShare("a").isAdmitted()).isTrue();
        assertThat(admission.inFlight()).isEqualTo(1);
    }

    private PatchAdmission admission(int limit, int perAccount, long bytes) {
        UploadConfig.Admission admission = new UploadConfig.Admission() {
            @Override
            public int maxConcurrentPatches() {
                return limit;
            }

            @Override
            public long maxBytesInFlight() {
                return bytes;
            }

            @Override
            public int maxPatchesPerAccount() {
                return perAccount;
            }

            @Override
            public int maxConcurrentRequests() {
                return limit;
            }

            @Override
            public long assumedChunkSize() {
                return 2_000;
            }

            @Override
            public Duration retryAfterBase() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration retryAfterMax() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration pressureWindow() {
                return Duration.ofSeconds(5);
            }
        };
        UploadConfig config = (UploadConfig) Proxy.newProxyInstance(UploadConfig.class.getClassLoader(),
                new Class<?>[] { UploadConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("admission")) {
                        return admission;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new PatchAdmission(config, metrics);
    }
}
