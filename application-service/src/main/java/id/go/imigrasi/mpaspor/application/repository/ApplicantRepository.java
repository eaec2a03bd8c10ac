package id.go.imigrasi.mpaspor.application.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.domain.Applicant;
import id.go.imigrasi.mpaspor.application.domain.Verification;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApplicantRepository implements PanacheRepositoryBase<Applicant, UUID> {

    public Uni<List<Applicant>> ofApplication(UUID applicationId) {
        return find("applicationId", Sort.ascending("position"), applicationId).list();
    }

    /** The applicants (active or not: a cancelled application keeps them) of an application with this NIK. */
    public Uni<List<Applicant>> onApplicationWithNik(UUID applicationId, String nik) {
        return find("applicationId = ?1 and nik = ?2", applicationId, nik).list();
    }

    public Uni<List<Applicant>> ofApplications(List<UUID> applicationIds) {
        return find("applicationId in ?1", Sort.ascending("position"), applicationIds).list();
    }

    /** Frees the NIKs of a finished application (the partial unique index covers active rows only). */
    public Uni<Integer> deactivate(UUID applicationId) {
        return update("active = false where applicationId = ?1", applicationId);
    }

    /** Applicants whose Dukcapil check is pending and was last tried before {@code before}, oldest first. */
    public Uni<List<Applicant>> pendingVerification(Instant before, int limit) {
        return find("verification = ?1 and active = true and (verificationCheckedAt is null or verificationCheckedAt < ?2)",
                Sort.ascending("verificationCheckedAt"),
                Verification.VERIFICATION_PENDING, before)
                .page(0, limit).list();
    }

    /** Which of these NIKs are in an active application now. */
    public Uni<List<String>> activeNiks(List<String> niks) {
        return find("active = true and nik in ?1", niks).list()
                .map(rows -> rows.stream().map(a -> a.nik).toList());
    }
}
