package id.go.imigrasi.mpaspor.quota.service;

import java.time.Instant;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.domain.Capacity;
import id.go.imigrasi.mpaspor.quota.domain.QuotaProblem;

/**
 * Why a slot cannot be taken, read before any write so the user gets the precise reason. The decision itself is
 * the conditional UPDATE, which re-checks everything atomically; this read only shapes the answer.
 */
final class Slots {

    private Slots() {
    }

    static void requireBookable(Capacity slot, int places, boolean electronic, Instant now) {
        if (slot == null) {
            throw ProblemException.of(QuotaProblem.QUOTA_NOT_RELEASED, "-");
        }
        if (slot.releaseAt.isAfter(now)) {
            throw ProblemException.of(QuotaProblem.QUOTA_NOT_RELEASED, slot.releaseAt.toString());
        }
        if (slot.closed || slot.capacity == 0) {
            throw ProblemException.of(QuotaProblem.DATE_CLOSED);
        }
        if (electronic && slot.ePassportClosed) {
            throw ProblemException.of(QuotaProblem.E_PASSPORT_CLOSED);
        }
        if (slot.remaining() < places) {
            throw ProblemException.of(QuotaProblem.QUOTA_FULL);
        }
    }
}
