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

    /**
     * Applications whose appointment is on {@code date} and still ahead (scheduled, nobody checked in yet): the day
     * before's reminder (issue 22). At most {@code limit}, in id order after {@code after} (null: from the start).
     */
    public Uni<List<Application>> appointmentsOn(java.time.LocalDate date, UUID after, int limit) {
        return (after == null
                ? find("appointmentDate = ?1 and status = ?2", Sort.ascending("id"), date,
                        id.go.imigrasi.mpaspor.application.domain.ApplicationStatus.APPOINTMENT_SCHEDULED)
                : find("appointmentDate = ?1 and status = ?2 and id > ?3", Sort.ascending("id"), date,
                        id.go.imigrasi.mpaspor.application.domain.ApplicationStatus.APPOINTMENT_SCHEDULED, after))
                .page(0, limit).list();
    }

    /**
     * Applications whose bill is still to be paid and runs out between {@code from} and {@code until}: the payment
     * reminder (issue 22; the held place goes at the deadline). At most {@code limit}, in id order after {@code after}.
     */
    public Uni<List<Application>> billsRunningOut(java.time.Instant from, java.time.Instant until, UUID after,
            int limit) {
        return (after == null
                ? find("billingStatus = 'ISSUED' and billingExpiresAt > ?1 and billingExpiresAt <= ?2",
                        Sort.ascending("id"), from, until)
                : find("billingStatus = 'ISSUED' and billingExpiresAt > ?1 and billingExpiresAt <= ?2 and id > ?3",
                        Sort.ascending("id"), from, until, after))
                .page(0, limit).list();
    }

    /** Submitted applications booked at an office, for its officers. */
    public Uni<List<Application>> atOffice(String officeCode) {
        return find("officeCode = ?1 and statusRank >= 10", Sort.ascending("appointmentDate"), officeCode)
                .page(0, 200).list();
    }
}
