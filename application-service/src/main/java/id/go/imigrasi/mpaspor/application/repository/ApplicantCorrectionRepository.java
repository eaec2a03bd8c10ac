package id.go.imigrasi.mpaspor.application.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.domain.ApplicantCorrection;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApplicantCorrectionRepository implements PanacheRepositoryBase<ApplicantCorrection, UUID> {

    /** The applicant's corrections, oldest first. */
    public Uni<List<ApplicantCorrection>> ofApplicant(UUID applicantId) {
        return find("applicantId", Sort.ascending("correctedAt").and("field"), applicantId).list();
    }
}
