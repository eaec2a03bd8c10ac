package id.go.imigrasi.mpaspor.application.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.domain.NikClaim;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NikClaimRepository implements PanacheRepositoryBase<NikClaim, UUID> {

    /** Claims of this NIK started since {@code since} (codes sent to its owner's phone). */
    public Uni<Long> startedSince(String nik, Instant since) {
        return count("nik = ?1 and createdAt >= ?2", nik, since);
    }
}
