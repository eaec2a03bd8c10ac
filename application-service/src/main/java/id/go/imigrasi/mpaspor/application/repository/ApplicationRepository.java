package id.go.imigrasi.mpaspor.application.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.application.domain.Application;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    /** The application, locked until the end of the transaction: changes to one application take turns. */
    public Uni<Application> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Application>> ofAccount(UUID accountId) {
        return find("accountId", Sort.descending("createdAt"), accountId).page(0, 100).list();
    }

    /** Submitted applications booked at an office, for its officers. */
    public Uni<List<Application>> atOffice(String officeCode) {
        return find("officeCode = ?1 and statusRank >= 10", Sort.ascending("appointmentDate"), officeCode)
                .page(0, 200).list();
    }
}
