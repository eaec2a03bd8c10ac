package id.go.imigrasi.mpaspor.account.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.Otp;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OtpRepository implements PanacheRepositoryBase<Otp, UUID> {

    /** The newest OTP of this purpose, open or not: only the newest counts. */
    public Uni<Otp> newest(UUID accountId, Otp.Purpose purpose) {
        return find("accountId = ?1 and purpose = ?2", Sort.descending("createdAt"), accountId, purpose)
                .firstResult();
    }

    /** A new OTP replaces the open ones of the same purpose. */
    public Uni<Integer> voidOpen(UUID accountId, Otp.Purpose purpose, Instant now) {
        return update("voidedAt = ?1 where accountId = ?2 and purpose = ?3 and consumedAt is null and voidedAt is null",
                now, accountId, purpose);
    }
}
