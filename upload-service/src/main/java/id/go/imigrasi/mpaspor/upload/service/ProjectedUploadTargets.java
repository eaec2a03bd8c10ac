package id.go.imigrasi.mpaspor.upload.service;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.upload.UploadTargets;
import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import id.go.imigrasi.mpaspor.upload.config.UploadServiceConfig;
import id.go.imigrasi.mpaspor.upload.repository.UploadTargetRepository;
import io.smallrye.mutiny.Uni;

/**
 * The upload module's question, "may this account upload for this applicant of this application, and is it still a
 * draft?", answered from upload-service's projection of application.events ({@link ApplicationsProjection}), never by
 * asking application-service: an upload storm here costs application-service nothing.
 *
 * <p>The projection follows application-service by the time the relay publishes and this service consumes (tens of
 * milliseconds), so an applicant added a moment ago may not be known yet. A target not found is therefore looked up
 * again, the waits doubling from {@code catch-up-first} up to {@code catch-up-total} in all, before the upload is
 * refused: a client that uploads right after adding the applicant is not told 404 for what exists. Still unknown,
 * {@link UnknownTargetRule} says whether that is final (404) or "not yet" (409 + Retry-After).
 */
@ApplicationScoped
public class ProjectedUploadTargets implements UploadTargets {

    private final UploadTargetRepository targets;
    private final UploadServiceConfig config;
    private final UnknownTargetRule unknown;

    public ProjectedUploadTargets(UploadTargetRepository targets, UploadServiceConfig config,
            UnknownTargetRule unknown) {
        this.targets = targets;
        this.config = config;
        this.unknown = unknown;
    }

    @Override
    public Uni<Target> resolve(UUID accountId, UUID applicationId, UUID applicantId) {
        return resolve(accountId, applicationId, applicantId, config.targets().catchUpFirst().toMillis(), 0);
    }

    private Uni<Target> resolve(UUID account, UUID application, UUID applicant, long wait, long waited) {
        return targets.resolve(account, application, applicant).chain(target -> {
            long total = config.targets().catchUpTotal().toMillis();
            if (target != Target.NOT_FOUND) {
                return Uni.createFrom().item(target);
            }
            if (waited >= total) {
                return unknown.refusal(account, application, applicant);
            }
            long next = Math.min(wait, total - waited);
            // the wait ends on a timer thread: back on the request's Vert.x context before the next query (the
            // upload module continues with a Hibernate Reactive transaction, which needs it)
            return OnContext.resume(Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(next)))
                    .chain(() -> resolve(account, application, applicant, wait * 2, waited + next));
        });
    }
}
