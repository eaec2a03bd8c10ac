package id.go.imigrasi.mpaspor.application.dukcapil;

import java.util.List;

import id.go.imigrasi.mpaspor.application.domain.Verification;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;

/** Dukcapil's answer for one NIK: found (with its record), not registered, or no answer (slow, down, circuit open). */
public record DukcapilAnswer(Outcome outcome, DukcapilRecord record, String failure) {

    public enum Outcome {
        FOUND, NOT_FOUND, UNAVAILABLE
    }

    public static DukcapilAnswer found(DukcapilRecord record) {
        return new DukcapilAnswer(Outcome.FOUND, record, null);
    }

    public static DukcapilAnswer notFound() {
        return new DukcapilAnswer(Outcome.NOT_FOUND, null, null);
    }

    public static DukcapilAnswer unavailable(String failure) {
        return new DukcapilAnswer(Outcome.UNAVAILABLE, null, failure);
    }

    /** The verification this answer gives the applicant who claims this identity ({@link IdentityMatch}). */
    public Verification verificationFor(IdentityMatch.Claimed claimed) {
        return switch (outcome) {
            case FOUND -> mismatches(claimed).isEmpty() ? Verification.VERIFIED : Verification.MISMATCH;
            case NOT_FOUND -> Verification.NOT_REGISTERED;
            case UNAVAILABLE -> Verification.VERIFICATION_PENDING;
        };
    }

    /** The fields that differ from the registry's record; empty unless the NIK was found. */
    public List<FieldError> mismatches(IdentityMatch.Claimed claimed) {
        return outcome == Outcome.FOUND ? IdentityMatch.mismatches(claimed, record) : List.of();
    }
}
