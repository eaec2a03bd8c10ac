package id.go.imigrasi.mpaspor.upload.service;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.upload.UploadTargets;
import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import id.go.imigrasi.mpaspor.upload.config.UploadServiceConfig;
import id.go.imigrasi.mpaspor.upload.repository.UploadTargetRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * {@link UnknownTargetRule} says whether that is final (404) or "not yet" (409 + Retry-After). An application the
 * projection knows is not the account's to upload for (another account's, no longer a draft, gone) is refused
 * before any wait. {@code mpaspor_upload_target_catch_ups_total{outcome}} counts the catch-ups by how they ended
 * ({@code found}, {@code refused}): how often, and how far, the projection lags.
 */
@ApplicationScoped
public class ProjectedUploadTargets implements UploadTargets {

    private final UploadTargetRepository targets;
    private final UploadServiceConfig config;
    private final UnknownTargetRule unknown;
    private final Counter caughtUp;
    private final Counter notCaughtUp;

    public ProjectedUploadTargets(UploadTargetRepository targets, UploadServiceConfig config,
            UnknownTargetRule unknown, MeterRegistry registry) {
        this.targets = targets;
        this.config = config;
        this.unknown = unknown;
        String name = "mpaspor.upload.target.catch.ups";
        String description = "Uploads whose target the projection did not know at first, looked up again in-request";
        this.caughtUp = Counter.builder(name).description(description).tag("outcome", "found").register(registry);
        this.notCaughtUp = Counter.builder(name).description(description).tag("outcome", "refused").register(registry);
    }

    @Override
    public Uni<Target> resolve(UUID accountId, UUID applicationId, UUID applicantId) {
        return targets.resolve(accountId, applicationId, applicantId).chain(target -> {
            if (target != Target.NOT_FOUND) {
                return Uni.createFrom().item(target);
            }
            return unknown.finallyRefused(accountId, applicationId).chain(refused -> refused
                    ? Uni.createFrom().item(Target.NOT_FOUND)
                    : catchUp(accountId, applicationId, applicantId, config.targets().catchUpFirst().toMillis(), 0));
        });
    }

    private Uni<Target> catchUp(UUID account, UUID application, UUID applicant, long wait, long waited) {
        long total = config.targets().catchUpTotal().toMillis();
        if (waited >= total) {
            notCaughtUp.increment();
            return unknown.refusal(account, application, applicant);
        }
        long next = Math.min(wait, total - waited);
        // the wait ends on a timer thread: back on the request's Vert.x context before the next query (the upload
        // module continues with a Hibernate Reactive transaction, which needs it)
        return OnContext.resume(Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(next)))
                .chain(() -> targets.resolve(account, application, applicant))
                .chain(target -> {
                    if (target != Target.NOT_FOUND) {
                        caughtUp.increment();
                        return Uni.createFrom().item(target);
                    }
                    return catchUp(account, application, applicant, wait * 2, waited + next);
                });
    }
}
