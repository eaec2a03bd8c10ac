package id.go.imigrasi.mpaspor.account.repository;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.LoginGuard;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LoginGuardRepository implements PanacheRepositoryBase<LoginGuard, String> {

    /** The guard row of an email, locked for this transaction (created when absent). */
    public Uni<LoginGuard> lockForUpdate(String email) {
        return getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO login_guard (email, failures, window_start) VALUES (:email, 0, now()) "
                        + "ON CONFLICT (email) DO NOTHING")
                .setParameter("email", email).executeUpdate()
                .chain(() -> s.find(LoginGuard.class, email, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)));
    }
}
