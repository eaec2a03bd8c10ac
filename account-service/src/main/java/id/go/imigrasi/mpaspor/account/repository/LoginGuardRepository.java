package id.go.imigrasi.mpaspor.account.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.account.domain.LoginGuard;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LoginGuardRepository implements PanacheRepositoryBase<LoginGuard, LoginGuard.Key> {

    /**
     * The email's global row and its row for {@code client}, created when absent and locked for this transaction,
     * always in the same order (global first), so that concurrent attempts queue instead of deadlocking.
     */
    public Uni<List<LoginGuard>> lockForUpdate(String email, String client) {
        return getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO login_guard (email, client, attempts, window_start) VALUES (:email, '', 0, now()), "
                        + "(:email, :client, 0, now()) ON CONFLICT (email, client) DO NOTHING")
                .setParameter("email", email).setParameter("client", client).executeUpdate()
                .chain(() -> s.find(LoginGuard.class, new LoginGuard.Key(email, LoginGuard.GLOBAL), LockModeType.PESSIMISTIC_WRITE))
                .chain(global -> s.find(LoginGuard.class, new LoginGuard.Key(email, client), LockModeType.PESSIMISTIC_WRITE)
                        .map(own -> List.of(global, own))));
    }
}
