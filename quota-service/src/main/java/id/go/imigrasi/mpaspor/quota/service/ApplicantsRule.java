package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.repository.ApplicantRepository;
import io.smallrye.mutiny.Uni;

/**
 * A hold's NIKs must be applicants of one of the account's applications, as application-service announced them
 * (ApplicantsChanged, kept in {@link ApplicantRepository}'s projection). The hold statement checks it
 * ({@link id.go.imigrasi.mpaspor.quota.repository.SlotTaker}); this rule only says why a hold was refused:
 * <ul>
 * <li>a NIK that is an applicant of another account's application only: 422 {@code nik-not-an-applicant} at once,
 * with the field ({@code niks[i]});</li>
 * <li>otherwise, a NIK that quota-service does not know at all may be an applicant whose ApplicantsChanged is still on
 * its way (the relay and the consumer lag by well under a second normally, by the length of a broker outage at
 * worst): 409 {@code applicants-not-yet-known} + Retry-After ({@code applicants.retry-after}, 1 s) during
 * {@code applicants.catch-up} (30 s) after the first such refusal of the account and NIK, then 422
 * {@code nik-not-an-applicant}. A client that honours Retry-After therefore gets a final answer within the
 * catch-up window, never an endless 409.</li>
 * </ul>
 */
@ApplicationScoped
public class ApplicantsRule {

    private final ApplicantRepository applicants;
    private final QuotaConfig config;
    private final Clock clock;

    public ApplicantsRule(ApplicantRepository applicants, QuotaConfig config, Clock clock) {
        this.applicants = applicants;
        this.config = config;
        this.clock = clock;
    }

    /** The precise refusal of a hold whose NIKs were not all known as the account's applicants. Always fails. */
    public <T> Uni<T> refusal(String accountId, List<String> niks) {
        return applicants.classify(accountId, niks).chain(known -> {
            List<FieldError> elsewhere = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < known.size(); i++) {
                ApplicantRepository.Known k = known.get(i);
                if (k.mine()) {
                    continue;
                }
                if (k.elsewhere()) {
                    elsewhere.add(FieldError.of("niks[" + i + "]", "quota.nik-not-an-applicant"));
                } else {
                    unknown.add(k.nik());
                }
            }
            if (!elsewhere.isEmpty()) {
                return Uni.createFrom().failure(notAnApplicant(elsewhere));
            }
            if (unknown.isEmpty()) {
                // known by now: the projection caught up between the hold statement and this read
                return Uni.createFrom().failure(notYetKnown());
            }
            Instant now = clock.instant();
            return applicants.firstRefused(accountId, unknown, now).chain(first -> {
                if (first.plus(config.applicants().catchUp()).isAfter(now)) {
                    return Uni.createFrom().failure(notYetKnown());
                }
                List<FieldError> errors = new ArrayList<>();
                for (int i = 0; i < niks.size(); i++) {
                    if (unknown.contains(niks.get(i))) {
                        errors.add(FieldError.of("niks[" + i + "]", "quota.nik-not-an-applicant"));
                    }
                }
                return Uni.createFrom().failure(notAnApplicant(errors));
            });
        });
    }

    /** Forgets refusals long past their catch-up window (the expiry job calls this). */
    public Uni<Integer> forgetOldRefusals() {
        return applicants.forgetRefusalsBefore(clock.instant().minus(config.applicants().catchUp().multipliedBy(10)));
    }

    private ProblemException notYetKnown() {
        return ProblemException.retryLater(QuotaProblem.APPLICANTS_NOT_YET_KNOWN, config.applicants().retryAfter());
    }

    private static ProblemException notAnApplicant(List<FieldError> errors) {
        return new ProblemException(QuotaProblem.NIK_NOT_AN_APPLICANT, List.of(), errors, null);
    }
}
