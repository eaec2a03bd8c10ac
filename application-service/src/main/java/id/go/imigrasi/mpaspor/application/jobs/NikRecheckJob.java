package id.go.imigrasi.mpaspor.application.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.service.NikRecheck;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Runs the Dukcapil re-check ({@link NikRecheck#recheckDue()}) every
 * {@code mpaspor.application.dukcapil.recheck-every} ({@code off} in tests, which run it explicitly). On every
 * instance: an applicant is updated under its row lock and only while still pending.
 */
@ApplicationScoped
public class NikRecheckJob {

    private static final Logger LOG = Logger.getLogger(NikRecheckJob.class);

    private final NikRecheck recheck;

    public NikRecheckJob(NikRecheck recheck) {
        this.recheck = recheck;
    }

    @Scheduled(identity = "nik-recheck", every = "${mpaspor.application.dukcapil.recheck-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return recheck.recheckDue()
                .invoke(settled -> {
                    if (settled > 0) {
                        LOG.infof("Dukcapil re-check settled %d applicant(s)", settled);
                    }
                })
                .onFailure().invoke(e -> LOG.error("Dukcapil re-check failed; the next run retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
