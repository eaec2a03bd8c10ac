package id.go.imigrasi.mpaspor.application.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.domain.ApplicantDocument;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApplicantDocumentRepository implements PanacheRepositoryBase<ApplicantDocument, UUID> {

    private static final String NEWER_UPLOAD = "INSERT INTO applicant_document (id, applicant_id, document_type, "
            + "upload_id, state, uploaded_at, updated_at) VALUES (:id, :applicant, :type, :upload, 'UPLOADED', :at, now()) "
            + "ON CONFLICT (applicant_id, document_type) DO UPDATE SET upload_id = EXCLUDED.upload_id, "
            + "state = 'UPLOADED', uploaded_at = EXCLUDED.uploaded_at, reason_code = NULL, reason_id = NULL, "
            + "reason_en = NULL, updated_at = now() WHERE applicant_document.uploaded_at < EXCLUDED.uploaded_at";

    /**
     * Records an upload as the applicant's current document of that type unless a newer upload is already
     * recorded; returns 1 when it became current.
     */
    public Uni<Integer> recordUpload(UUID applicantId, String documentType, String uploadId, Instant uploadedAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery(NEWER_UPLOAD)
                .setParameter("id", UUID.randomUUID()).setParameter("applicant", applicantId)
                .setParameter("type", documentType).setParameter("upload", uploadId)
                .setParameter("at", uploadedAt).executeUpdate());
    }

    /** The current document of this upload, or null when the upload was superseded (or never recorded). */
    public Uni<ApplicantDocument> current(String uploadId) {
        return find("uploadId", uploadId).firstResult();
    }

    public Uni<List<ApplicantDocument>> ofApplicants(List<UUID> applicantIds) {
        return applicantIds.isEmpty() ? Uni.createFrom().item(List.of())
                : find("applicantId in ?1", applicantIds).list();
    }

    public Uni<Long> deleteOfApplicant(UUID applicantId) {
        return delete("applicantId", applicantId);
    }
}
