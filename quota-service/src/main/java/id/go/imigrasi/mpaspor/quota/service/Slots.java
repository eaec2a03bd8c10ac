package id.go.imigrasi.mpaspor.quota.service;

import java.time.Instant;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.domain.Capacity;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;

/**
 * Why a slot cannot be taken ({@link Capacity#bookability}), as the problem the user gets. The decision itself is
 * the statement that takes the places ({@code slot_bookable} under the row lock); this read only shapes the answer.
 */
final class Slots {

    private Slots() {
    }

    static void requireBookable(Capacity slot, int places, boolean electronic, Instant now) {
        if (slot == null) {
            throw ProblemException.of(QuotaProblem.QUOTA_NOT_RELEASED, "-");
        }
        switch (slot.bookability(places, electronic, now)) {
            case NOT_RELEASED -> throw ProblemException.of(QuotaProblem.QUOTA_NOT_RELEASED, slot.releaseAt.toString());
            case CLOSED -> throw ProblemException.of(QuotaProblem.DATE_CLOSED);
            case E_PASSPORT_CLOSED -> throw ProblemException.of(QuotaProblem.E_PASSPORT_CLOSED);
            case FULL -> throw ProblemException.of(QuotaProblem.QUOTA_FULL);
            case BOOKABLE -> {
            }
        }
    }
}
