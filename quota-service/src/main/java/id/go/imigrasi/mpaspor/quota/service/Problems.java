package id.go.imigrasi.mpaspor.quota.service;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.repository.HoldRepository;

/** Turns the database's verdicts (unique partial indexes, the capacity CHECK) into the problems users see. */
final class Problems {

    private Problems() {
    }

    static Throwable translate(Throwable failure) {
        if (failure instanceof ProblemException) {
            return failure;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains(HoldRepository.ONE_ACTIVE_SLOT_PER_NIK)) {
                return ProblemException.of(QuotaProblem.NIK_ALREADY_HELD);
            }
            if (message.contains(HoldRepository.ONE_ACTIVE_HOLD_PER_ACCOUNT)) {
                return ProblemException.of(QuotaProblem.ACTIVE_HOLD_EXISTS);
            }
            if (message.contains("hold_idempotency_key")) {
                // the key's hold exists, and it was not this request's (HoldService looked for it first)
                return ProblemException.of(QuotaProblem.IDEMPOTENCY_KEY_REUSED);
            }
            if (message.contains("capacity_never_exceeded")) {
                return ProblemException.of(QuotaProblem.QUOTA_FULL);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return failure;
    }
}
