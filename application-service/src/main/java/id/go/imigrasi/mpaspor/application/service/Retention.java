package id.go.imigrasi.mpaspor.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.repository.RetentionQueries;
import id.go.imigrasi.mpaspor.application.upload.UploadDeletions;
import id.go.imigrasi.mpaspor.contracts.application.ApplicantsChanged;
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
 * status (DELIVERED, REJECTED, EXPIRED, CANCELLED), its uploads (rows and stored bytes) and per-applicant document
 * states are deleted and {@code documents_deleted_at} is set. The application, its applicants and timeline stay:
 * the record of the passport application is kept as the law requires.</li>
 * <li><b>untouched drafts</b>: a DRAFT with no change to it, its applicants, uploads or timeline for
 * {@code draft-untouched} is deleted with all of that and its mails; ApplicantsChanged with no NIKs goes out in the
 * same transaction (outbox), so quota-service drops the draft's applicants from its projection.</li>
 * </ul>
 * Each batch of {@code batch} applications is one transaction that claims them with {@code FOR UPDATE SKIP LOCKED};
 * the stored bytes are deleted after it commits ({@link UploadDeletions}: rows first, bytes from a queue that a
 * later run finishes if this one could not). Counts go to the log (one line per run) and to
 * {@code mpaspor_retention_deleted_total}, each row counted by the instance whose transaction deleted it.
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
    public static final String STORED_OBJECTS = "stored_objects";

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** What one run deleted (this instance's share when several run at once). */
    public record Report(int finishedApplications, int finishedDocuments, int drafts, int draftApplicants,
            int draftDocuments, int draftMails, int storedObjects) {

        static final Report NONE = new Report(0, 0, 0, 0, 0, 0, 0);

        Report plus(Report o) {
            return new Report(finishedApplications + o.finishedApplications, finishedDocuments + o.finishedDocuments,
                    drafts + o.drafts, draftApplicants + o.draftApplicants, draftDocuments + o.draftDocuments,
                    draftMails + o.draftMails, storedObjects + o.storedObjects);
        }

        Report withObjects(int objects) {
            return plus(new Report(0, 0, 0, 0, 0, 0, objects));
        }
    }

    private final RetentionQueries queries;
    private final UploadDeletions documents;
    private final Outbox outbox;
    private final ApplicationConfig config;
    private final Clock clock;
    private final RetentionMetrics.Task metrics;

    public Retention(RetentionQueries queries, UploadDeletions documents, Outbox outbox, ApplicationConfig config,
            Clock clock, RetentionMetrics metrics) {
        this.queries = queries;
        this.documents = documents;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics.task(TASK, FINISHED_DOCUMENTS, DRAFTS, DRAFT_APPLICANTS, DRAFT_DOCUMENTS, DRAFT_MAILS,
                STORED_OBJECTS);
    }

    /** One run of every rule; logged and counted. */
    public Uni<Report> run() {
        Instant now = clock.instant();
        Instant finishedBefore = now.minus(config.retention().documentsAfterFinish());
        Instant untouchedSince = now.minus(config.retention().draftUntouched());
        return storedObjects(Report.NONE) // what an earlier run left queued
                .chain(report -> finishedDocuments(finishedBefore, report))
                .chain(report -> staleDrafts(untouchedSince, report))
                .invoke(report -> {
                    metrics.succeeded();
                    LOG.infof("retention: documents of %d applications finished before %s: %d uploads; %d drafts"
                            + " untouched since %s: %d applicants, %d uploads, %d mails; %d stored objects deleted",
                            report.finishedApplications(), finishedBefore, report.finishedDocuments(), report.drafts(),
                            untouchedSince, report.draftApplicants(), report.draftDocuments(), report.draftMails(),
                            report.storedObjects());
                });
    }

    private Uni<Report> storedObjects(Report soFar) {
        return documents.deleteQueuedObjects().invoke(n -> metrics.deleted(STORED_OBJECTS, n)).map(soFar::withObjects);
    }

    private Uni<Report> finishedDocuments(Instant before, Report soFar) {
        int batch = config.retention().batch();
        return Panache.withTransaction(() -> queries.claimFinished(before, batch).chain(ids -> ids.isEmpty()
                ? Uni.createFrom().item(Report.NONE)
                : documents.deleteOfApplications(ids).call(() -> queries.documentsDeleted(ids, clock.instant()))
                        .map(uploads -> new Report(ids.size(), uploads, 0, 0, 0, 0, 0))))
                .invoke(done -> metrics.deleted(FINISHED_DOCUMENTS, done.finishedDocuments()))
                .chain(done -> storedObjects(soFar.plus(done)).chain(report -> done.finishedApplications() < batch
                        ? Uni.createFrom().item(report)
                        : finishedDocuments(before, report)));
    }

    private Uni<Report> staleDrafts(Instant untouchedSince, Report soFar) {
        int batch = config.retention().batch();
        return Panache.withTransaction(() -> queries.claimStaleDrafts(untouchedSince, batch).chain(drafts -> {
            if (drafts.isEmpty()) {
                return Uni.createFrom().item(new Batch(0, Report.NONE));
            }
            List<UUID> ids = drafts.stream().map(RetentionQueries.Draft::id).toList();
            Instant now = clock.instant();
            return Multi.createFrom().iterable(drafts)
                    .onItem().transformToUniAndConcatenate(d -> outbox.append(new ApplicantsChanged(d.id().toString(),
                            d.accountId().toString(), List.of(), now)))
                    .collect().asList()
                    .chain(() -> documents.deleteOfApplications(ids))
                    .chain(uploads -> queries.deleteDrafts(ids).map(gone -> new Batch(drafts.size(),
                            new Report(0, 0, gone.applications(), gone.applicants(), uploads, gone.mails(), 0))));
        }))
                .invoke(done -> {
                    metrics.deleted(DRAFTS, done.report().drafts());
                    metrics.deleted(DRAFT_APPLICANTS, done.report().draftApplicants());
                    metrics.deleted(DRAFT_DOCUMENTS, done.report().draftDocuments());
                    metrics.deleted(DRAFT_MAILS, done.report().draftMails());
                })
                .chain(done -> storedObjects(soFar.plus(done.report())).chain(report -> done.claimed() < batch
                        ? Uni.createFrom().item(report)
                        : staleDrafts(untouchedSince, report)));
    }

    /** A batch's claimed drafts (to know whether more may wait) and what deleting them did. */
    private record Batch(int claimed, Report report) {
    }
}
