package id.go.imigrasi.mpaspor.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.repository.RetentionQueries;
import id.go.imigrasi.mpaspor.contracts.application.ApplicantsChanged;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDocumentsDiscarded;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.retention.RetentionMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The retention rules of application-service (UU PDP 27/2022; {@code mpaspor.application.retention.*}, docs/privacy.md
 * "Retention"), one run per day ({@code jobs.RetentionJob}), on any number of instances at once:
 * <ul>
 * <li><b>documents of finished applications</b>: {@code documents-after-finish} after an application reached a final
 * status (DELIVERED, REJECTED, EXPIRED, CANCELLED), its per-applicant document states are deleted,
 * {@code documents_deleted_at} is set and ApplicationDocumentsDiscarded ({@code FINISHED}) tells upload-service,
 * which deletes the uploads (rows and stored bytes). The application, its applicants and timeline stay: the record of
 * the passport application is kept as the law requires.</li>
 * <li><b>untouched drafts</b>: a DRAFT with no change to it, its applicants, documents or timeline for
 * {@code draft-untouched} is deleted with all of that and its mails; in the same transaction (outbox)
 * ApplicantsChanged with no applicants tells quota-service to drop them from its projection, and
 * ApplicationDocumentsDiscarded ({@code DRAFT_DELETED}) tells upload-service to delete the draft's uploads.</li>
 * </ul>
 * Each batch of {@code batch} applications is one transaction that claims them with {@code FOR UPDATE SKIP LOCKED}.
 * Counts go to the log (one line per run) and to {@code mpaspor_retention_deleted_total}, each row counted by the
 * instance whose transaction deleted it; upload-service counts the uploads it deletes.
 */
@ApplicationScoped
@Startup
public class Retention {

    public static final String TASK = "application";
    public static final String FINISHED_DOCUMENTS = "finished_documents";
    public static final String DRAFTS = "drafts";
    public static final String DRAFT_APPLICANTS = "draft_applicants";
    public static final String DRAFT_DOCUMENTS = "draft_documents";
    public static final String DRAFT_MAILS = "draft_mails";

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** What one run deleted (this instance's share when several run at once); documents are document states. */
    public record Report(int finishedApplications, int finishedDocuments, int drafts, int draftApplicants,
            int draftDocuments, int draftMails) {

        static final Report NONE = new Report(0, 0, 0, 0, 0, 0);

        Report plus(Report o) {
            return new Report(finishedApplications + o.finishedApplications, finishedDocuments + o.finishedDocuments,
                    drafts + o.drafts, draftApplicants + o.draftApplicants, draftDocuments + o.draftDocuments,
                    draftMails + o.draftMails);
        }
    }

    private final RetentionQueries queries;
    private final Outbox outbox;
    private final ApplicationConfig config;
    private final Clock clock;
    private final RetentionMetrics.Task metrics;

    public Retention(RetentionQueries queries, Outbox outbox, ApplicationConfig config, Clock clock,
            RetentionMetrics metrics) {
        this.queries = queries;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics.task(TASK, FINISHED_DOCUMENTS, DRAFTS, DRAFT_APPLICANTS, DRAFT_DOCUMENTS, DRAFT_MAILS);
    }

    /** One run of every rule; logged and counted. */
    public Uni<Report> run() {
        Instant now = clock.instant();
        Instant finishedBefore = now.minus(config.retention().documentsAfterFinish());
        Instant untouchedSince = now.minus(config.retention().draftUntouched());
        return finishedDocuments(finishedBefore, Report.NONE)
                .chain(report -> staleDrafts(untouchedSince, report))
                .invoke(report -> {
                    metrics.succeeded();
                    LOG.infof("retention: documents of %d applications finished before %s: %d document states; %d"
                            + " drafts untouched since %s: %d applicants, %d document states, %d mails (upload-service"
                            + " told to delete their uploads)", report.finishedApplications(), finishedBefore,
                            report.finishedDocuments(), report.drafts(), untouchedSince, report.draftApplicants(),
                            report.draftDocuments(), report.draftMails());
                });
    }

    private Uni<Report> finishedDocuments(Instant before, Report soFar) {
        int batch = config.retention().batch();
        return Panache.withTransaction(() -> queries.claimFinished(before, batch).chain(claimed -> claimed.isEmpty()
                ? Uni.createFrom().item(Report.NONE)
                : discard(claimed, ApplicationDocumentsDiscarded.FINISHED)
                        .chain(() -> queries.documentsDeleted(ids(claimed), clock.instant()))
                        .map(states -> new Report(claimed.size(), states, 0, 0, 0, 0))))
                .invoke(done -> metrics.deleted(FINISHED_DOCUMENTS, done.finishedDocuments()))
                .chain(done -> done.finishedApplications() < batch ? Uni.createFrom().item(soFar.plus(done))
                        : finishedDocuments(before, soFar.plus(done)));
    }

    private Uni<Report> staleDrafts(Instant untouchedSince, Report soFar) {
        int batch = config.retention().batch();
        return Panache.withTransaction(() -> queries.claimStaleDrafts(untouchedSince, batch).chain(drafts -> {
            if (drafts.isEmpty()) {
                return Uni.createFrom().item(new Batch(0, Report.NONE));
            }
            Instant now = clock.instant();
            return Multi.createFrom().iterable(drafts)
                    .onItem().transformToUniAndConcatenate(d -> outbox.append(new ApplicantsChanged(d.id().toString(),
                            d.accountId().toString(), List.of(), now, List.of(), false)))
                    .collect().asList()
                    .chain(() -> discard(drafts, ApplicationDocumentsDiscarded.DRAFT_DELETED))
                    .chain(() -> queries.deleteDrafts(ids(drafts)).map(gone -> new Batch(drafts.size(),
                            new Report(0, 0, gone.applications(), gone.applicants(), gone.documents(),
                                    gone.mails()))));
        }))
                .invoke(done -> {
                    metrics.deleted(DRAFTS, done.report().drafts());
                    metrics.deleted(DRAFT_APPLICANTS, done.report().draftApplicants());
                    metrics.deleted(DRAFT_DOCUMENTS, done.report().draftDocuments());
                    metrics.deleted(DRAFT_MAILS, done.report().draftMails());
                })
                .chain(done -> done.claimed() < batch ? Uni.createFrom().item(soFar.plus(done.report()))
                        : staleDrafts(untouchedSince, soFar.plus(done.report())));
    }

    /** ApplicationDocumentsDiscarded for each application, in the caller's transaction (outbox). */
    private Uni<Void> discard(List<RetentionQueries.Claimed> applications, String reason) {
        Instant now = clock.instant();
        return Multi.createFrom().iterable(applications)
                .onItem().transformToUniAndConcatenate(a -> outbox.append(new ApplicationDocumentsDiscarded(
                        a.id().toString(), a.accountId().toString(), reason, now)))
                .collect().asList().replaceWithVoid();
    }

    private static List<UUID> ids(List<RetentionQueries.Claimed> claimed) {
        return claimed.stream().map(RetentionQueries.Claimed::id).toList();
    }

    /** A batch's claimed drafts (to know whether more may wait) and what deleting them did. */
    private record Batch(int claimed, Report report) {
    }
}
