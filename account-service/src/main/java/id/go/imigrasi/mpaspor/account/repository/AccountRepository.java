package id.go.imigrasi.mpaspor.account.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.Account;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    /** The officers of one office, or of all offices, by name. */
    public Uni<java.util.List<Account>> officers(String officeCode) {
        return officeCode == null
                ? list("role = ?1 order by fullName", Account.Role.OFFICER)
                : list("role = ?1 and officeCode = ?2 order by fullName", Account.Role.OFFICER, officeCode);
    }

    public Uni<Account> findByEmail(String normalizedEmail) {
        return find("email", normalizedEmail).firstResult();
    }
}
