package id.go.imigrasi.mpaspor.application.dukcapil;

import java.time.LocalDate;

import id.go.imigrasi.mpaspor.application.domain.Verification;

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

    /** The verification this answer gives an applicant born on {@code birthDate}. */
    public Verification verificationFor(LocalDate birthDate) {
        return switch (outcome) {
            case FOUND -> record.birthDate() == null || record.birthDate().equals(birthDate) ? Verification.VERIFIED
                    : Verification.MISMATCH;
            case NOT_FOUND -> Verification.NOT_REGISTERED;
            case UNAVAILABLE -> Verification.VERIFICATION_PENDING;
        };
    }
}
