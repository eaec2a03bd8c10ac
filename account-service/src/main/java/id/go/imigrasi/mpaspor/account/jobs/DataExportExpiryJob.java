package id.go.imigrasi.mpaspor.account.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.account.service.DataExports;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Every hour: the content of data exports past their link lifetime is deleted ({@link DataExports#expire}). */
@ApplicationScoped
public class DataExportExpiryJob {

    private static final Logger LOG = Logger.getLogger(DataExportExpiryJob.class);

    private final DataExports exports;

    public DataExportExpiryJob(DataExports exports) {
        this.exports = exports;
    }

    @Scheduled(every = "${mpaspor.account.data-export.expiry-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return exports.expire().invoke(n -> {
            if (n > 0) {
                LOG.infof("deleted the content of %d expired data exports", n);
            }
        }).replaceWithVoid();
    }
}
