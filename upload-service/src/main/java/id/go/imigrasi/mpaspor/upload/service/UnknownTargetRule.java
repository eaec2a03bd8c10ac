package id.go.imigrasi.mpaspor.upload.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.upload.UploadProblem;
import id.go.imigrasi.mpaspor.application.upload.UploadTargets.Target;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.upload.config.UploadServiceConfig;
import id.go.imigrasi.mpaspor.upload.repository.UploadTargetRepository;
import id.go.imigrasi.mpaspor.upload.repository.UploadTargetRepository.Known;
import io.smallrye.mutiny.Uni;

/**
 * What an upload whose target upload-service's projection still does not know (after the in-request catch-up of
 * {@link ProjectedUploadTargets}) is told. The projection follows application.events, normally within tens of
 * milliseconds, but by seconds under an upload storm (session 29's run S: 207 real applicants were told 404) and by the
 * length of a broker outage at worst. So, like quota's applicants rule:
 * <ul>
 * <li>another account's application: 404 {@code upload-target-not-found} at once (ids cannot be probed, and an
 * application's account never changes);</li>
 * <li>the account's application that is no longer a draft: 404 at once (its applicants are final);</li>
 * <li>an application that is gone (a deleted draft, an erased account's): 404 at once;</li>
 * <li>otherwise (the application not known at all, or the account's draft without this applicant yet): 409
 * {@code upload-target-not-yet-known} + Retry-After during {@code targets.not-yet-known-window} (30 s) after the
 * first such refusal of the account, application and applicant, shared by every instance; then 404. A client that
 * honours Retry-After (tus-js-client retries a 409 by itself) gets a final answer within the window, never an
 * endless 409.</li>
 * </ul>
 */
@ApplicationScoped
public class UnknownTargetRule {

    private final UploadTargetRepository targets;
    private final UploadServiceConfig config;
    private final Clock clock;

    public UnknownTargetRule(UploadTargetRepository targets, UploadServiceConfig config, Clock clock) {
        this.targets = targets;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Whether the projection already knows that this application is not the account's to upload for (another
     * account's, no longer a draft, gone): then the answer is 404 at once, with no catch-up to wait for (it would
     * hold the request 2 s for nothing, and a probe of other people's ids with it).
     */
    public Uni<Boolean> finallyRefused(UUID accountId, UUID applicationId) {
        return targets.application(applicationId).map(known -> finallyNotTheCallers(known, accountId));
    }

    /** NOT_FOUND, or a failure with the 409 to ask again. */
    public Uni<Target> refusal(UUID accountId, UUID applicationId, UUID applicantId) {
        return finallyRefused(accountId, applicationId).chain(refused -> {
            if (refused) {
                return Uni.createFrom().item(Target.NOT_FOUND);
            }
            Instant now = clock.instant();
            return targets.firstRefused(accountId, applicationId, applicantId, now).map(first -> {
                if (first.plus(config.targets().notYetKnownWindow()).isAfter(now)) {
                    throw ProblemException.retryLater(UploadProblem.TARGET_NOT_YET_KNOWN,
                            config.targets().retryAfter());
                }
                return Target.NOT_FOUND;
            });
        });
    }

    /**
     * Forgets refusals long past their window (ten windows old) and gone applications older than
     * {@code targets.gone-kept}; TargetWaitCleanupJob calls this. The rows forgotten.
     */
    public Uni<Integer> forgetOldRefusals() {
        Instant now = clock.instant();
        return targets.forgetRefusalsBefore(now.minus(config.targets().notYetKnownWindow().multipliedBy(10)))
                .chain(refusals -> targets.forgetGoneBefore(now.minus(config.targets().goneKept()))
                        .map(gone -> refusals + gone));
    }

    private static boolean finallyNotTheCallers(Known known, UUID accountId) {
        return known != null && (known.gone() || !known.accountId().equals(accountId) || !known.draft());
    }
}
