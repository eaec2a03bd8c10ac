package id.go.imigrasi.mpaspor.application.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * How an application ends, decided from what became of each of its applicants at the office (the biometric
 * service reports each applicant separately: a family is decided person by person).
 *
 * <ul>
 * <li>Any applicant still waiting (no final outcome yet): the application is not finished; its status stays where
 * the events moved it, and its NIKs stay bound.</li>
 * <li>Every applicant rejected at the office: {@link ApplicationStatus#REJECTED}.</li>
 * <li>At least one passport reached its holder (delivered by Pos or collected), the others rejected or cancelled:
 * {@link ApplicationStatus#DELIVERED}. The application did what it was filed for, for those applicants; DOMAIN.md
 * has no separate state for a family in which one member was refused, and the applicant reads who was refused,
 * with the officer's reason, in the timeline (one entry per applicant). Ending it frees every NIK: the refused
 * applicant applies again in a new application.</li>
 * <li>No passport reached anyone, and at least one was issued but cancelled because nobody collected it within the
 * period (DOMAIN.md: "Not collected within a month: cancelled"): {@link ApplicationStatus#CANCELLED}.</li>
 * </ul>
 */
public final class ApplicationOutcome {

    /** What became of one applicant. */
    public enum ApplicantOutcome {
        // declared from the weakest to the strongest: when two are reported for one applicant, the stronger holds
        /** Nothing final yet (at the office, being printed, waiting for pick-up). */
        PENDING,
        /** Refused by the officer at the interview or decision. */
        REJECTED,
        /** Issued, then cancelled: not collected within the period. */
        PASSPORT_CANCELLED,
        /** The passport reached its holder: delivered by Pos, or collected at the office. */
        PASSPORT_HANDED_OVER;

        public boolean isFinal() {
            return this != PENDING;
        }

        /** Of two reports on one applicant, the one that holds (a passport handed over is not undone). */
        public ApplicantOutcome and(ApplicantOutcome other) {
            return other.ordinal() > ordinal() ? other : this;
        }

        /** The outcome a timeline entry's kind reports for its applicant; PENDING for every other kind. */
        public static ApplicantOutcome ofTimelineKind(String kind) {
            return KINDS.getOrDefault(kind, PENDING);
        }

        /** The timeline kind written for each final outcome (the events' entries). */
        private static final Map<String, ApplicantOutcome> KINDS = Map.of(
                "PASSPORT_DELIVERED", PASSPORT_HANDED_OVER,
                "PASSPORT_COLLECTED", PASSPORT_HANDED_OVER,
                "REJECTED_AT_OFFICE", REJECTED,
                "PASSPORT_CANCELLED", PASSPORT_CANCELLED);
    }

    private ApplicationOutcome() {
    }

    /**
     * The status the application ends in, given every applicant's outcome; empty while it is not finished (an
     * applicant still pending, or no applicant at all).
     */
    public static Optional<ApplicationStatus> finalStatus(Collection<ApplicantOutcome> applicants) {
        if (applicants.isEmpty() || applicants.stream().anyMatch(o -> !o.isFinal())) {
            return Optional.empty();
        }
        if (applicants.contains(ApplicantOutcome.PASSPORT_HANDED_OVER)) {
            return Optional.of(ApplicationStatus.DELIVERED);
        }
        if (applicants.contains(ApplicantOutcome.PASSPORT_CANCELLED)) {
            return Optional.of(ApplicationStatus.CANCELLED);
        }
        return Optional.of(ApplicationStatus.REJECTED);
    }
}
