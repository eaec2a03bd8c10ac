package id.go.imigrasi.mpaspor.upload.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.upload.service.UnknownTargetRule;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Forgets the "not yet known" refusals long past their window ({@link UnknownTargetRule#forgetOldRefusals()}) every
 * {@code mpaspor.upload-service.targets.forget-every} ({@code off} in tests, which run it explicitly). On every
 * instance: one DELETE by age, harmless when two run at once.
 */
@ApplicationScoped
public class TargetWaitCleanupJob {

    private static final Logger LOG = Logger.getLogger(TargetWaitCleanupJob.class);

    private final UnknownTargetRule rule;

    public TargetWaitCleanupJob(UnknownTargetRule rule) {
        this.rule = rule;
    }

    @Scheduled(identity = "upload-target-wait-cleanup", every = "${mpaspor.upload-service.targets.forget-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return rule.forgetOldRefusals()
                .onFailure().invoke(e -> LOG.warn("forgetting old upload refusals failed; the next run retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
