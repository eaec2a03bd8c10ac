package id.go.imigrasi.mpaspor.application.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The retention job's SQL (service.Retention), each statement inside the caller's transaction. Applications are
 * claimed with {@code FOR UPDATE SKIP LOCKED}: several instances running the job at once take different ones, and a
 * request changing an application (which locks its row) is never overtaken.
 */
@ApplicationScoped
public class RetentionQueries {

    /** A claimed application: its id and owner (for ApplicantsChanged and ApplicationDocumentsDiscarded). */
    public record Claimed(UUID id, UUID accountId) {
    }

    private static final String FINISHED = "SELECT id::text || ' ' || account_id::text FROM application"
            + " WHERE finished_at < :before"
            + " AND documents_deleted_at IS NULL ORDER BY finished_at LIMIT :batch FOR UPDATE SKIP LOCKED";

    /**
     * Untouched since {@code :before}: the draft, its applicants, their documents (as upload-service announced them:
     * uploaded, accepted or rejected) and timeline.
     */
    private static final String UNTOUCHED = "a.status = 'DRAFT' AND a.updated_at < :before"
            + " AND NOT EXISTS (SELECT 1 FROM applicant p WHERE p.application_id = a.id"
            + " AND (p.created_at >= :before OR p.verification_checked_at >= :before))"
            + " AND NOT EXISTS (SELECT 1 FROM applicant_document d JOIN applicant p ON p.id = d.applicant_id"
            + " WHERE p.application_id = a.id AND (d.uploaded_at >= :before OR d.updated_at >= :before))"
            + " AND NOT EXISTS (SELECT 1 FROM timeline_entry t WHERE t.application_id = a.id"
            + " AND t.recorded_at >= :before)";
    private static final String STALE_DRAFTS = "SELECT a.id::text FROM application a WHERE " + UNTOUCHED
            + " ORDER BY a.updated_at LIMIT :batch FOR UPDATE OF a SKIP LOCKED";
    // a second statement, after the lock: sees whatever a request committed while we were taking it
    private static final String STILL_STALE = "SELECT a.id::text || ' ' || a.account_id::text FROM application a"
            + " WHERE a.id IN (:ids) AND " + UNTOUCHED;

    /** Claims up to {@code batch} finished applications whose documents are due for deletion. */
    public Uni<List<Claimed>> claimFinished(Instant before, int batch) {
        return Panache.getSession().chain(s -> s.createNativeQuery(FINISHED, String.class)
                .setParameter("before", before).setParameter("batch", batch).getResultList())
                .map(RetentionQueries::claimed);
    }

    /** Their per-applicant document states go with the documents; the record is marked. The states deleted. */
    public Uni<Integer> documentsDeleted(List<UUID> applications, Instant now) {
        return execute("DELETE FROM applicant_document WHERE applicant_id IN"
                + " (SELECT id FROM applicant WHERE application_id IN (:ids))", applications)
                .call(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE application SET documents_deleted_at = :now WHERE id IN (:ids)")
                        .setParameter("now", now).setParameter("ids", applications).executeUpdate()));
    }

    /** Claims up to {@code batch} drafts untouched since {@code before}, re-checked once locked. */
    public Uni<List<Claimed>> claimStaleDrafts(Instant before, int batch) {
        return Panache.getSession().chain(s -> s.createNativeQuery(STALE_DRAFTS, String.class)
                .setParameter("before", before).setParameter("batch", batch).getResultList()
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<String>of())
                        : s.createNativeQuery(STILL_STALE, String.class).setParameter("before", before)
                                .setParameter("ids", ids.stream().map(UUID::fromString).toList()).getResultList()))
                .map(RetentionQueries::claimed);
    }

    private static List<Claimed> claimed(List<String> rows) {
        return rows.stream().map(row -> row.split(" "))
                .map(parts -> new Claimed(UUID.fromString(parts[0]), UUID.fromString(parts[1]))).toList();
    }

    /** What deleting drafts deleted (documents: their document states; upload-service deletes the uploads). */
    public record DraftsDeleted(int applications, int applicants, int documents, int mails) {
    }

    /**
     * Deletes the drafts and everything hanging off them: document states, applicants, timeline, their mails
     * (queued or sent), and references from holds and NIK claims. Their uploads are upload-service's
     * (ApplicationDocumentsDiscarded).
     */
    public Uni<DraftsDeleted> deleteDrafts(List<UUID> drafts) {
        List<String> aggregates = drafts.stream().map(UUID::toString).toList();
        return execute("DELETE FROM applicant_document WHERE applicant_id IN"
                + " (SELECT id FROM applicant WHERE application_id IN (:ids))", drafts)
                .chain(documents -> execute("UPDATE nik_claim SET released_application_id = NULL,"
                        + " released_applicant_id = NULL WHERE released_application_id IN (:ids)", drafts)
                        .chain(() -> execute("UPDATE hold SET application_id = NULL WHERE application_id IN (:ids)",
                                drafts))
                        .chain(() -> execute("DELETE FROM timeline_entry WHERE application_id IN (:ids)", drafts))
                        .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "DELETE FROM queued_mail WHERE aggregate_id IN (:ids)")
                                .setParameter("ids", aggregates).executeUpdate()))
                        .chain(mails -> execute("DELETE FROM applicant WHERE application_id IN (:ids)", drafts)
                                .chain(applicants -> execute("DELETE FROM application WHERE id IN (:ids)"
                                        + " AND status = 'DRAFT'", drafts)
                                        .map(apps -> new DraftsDeleted(apps, applicants, documents, mails)))));
    }

    private static Uni<Integer> execute(String sql, List<UUID> ids) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter("ids", ids).executeUpdate());
    }
}
