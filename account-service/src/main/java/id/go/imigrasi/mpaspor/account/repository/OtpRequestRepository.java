package id.go.imigrasi.mpaspor.account.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.OtpRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OtpRequestRepository implements PanacheRepositoryBase<OtpRequest, Long> {

    /** Serialises the OTP requests of one email for the rest of the transaction (concurrent resends). */
    public Uni<Void> lockEmail(String email) {
        return getSession().chain(s -> s.createNativeQuery(
                "SELECT 1 FROM pg_advisory_xact_lock(" + 0x4F54 + ", hashtext(:email))", Integer.class)
                .setParameter("email", email).getSingleResult()).replaceWithVoid();
    }

    public Uni<List<OtpRequest>> newest(String email, int count) {
        return find("email", Sort.descending("requestedAt"), email).page(Page.ofSize(count)).list();
    }
}
