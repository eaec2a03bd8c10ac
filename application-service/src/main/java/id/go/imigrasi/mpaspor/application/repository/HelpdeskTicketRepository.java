package id.go.imigrasi.mpaspor.application.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.application.domain.HelpdeskTicket;
import id.go.imigrasi.mpaspor.application.domain.TicketState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HelpdeskTicketRepository implements PanacheRepositoryBase<HelpdeskTicket, UUID> {

    /** The page the officers' list shows at most (oldest waiting first). */
    public static final int PAGE = 200;

    public Uni<List<HelpdeskTicket>> ofApplication(UUID applicationId) {
        return find("applicationId", Sort.descending("createdAt"), applicationId).list();
    }

    /** The ticket, locked until the end of the transaction: its messages and moves take turns. */
    public Uni<HelpdeskTicket> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Tickets in {@code state} of the applications booked at {@code officeCode}, the longest waiting first. */
    public Uni<List<HelpdeskTicket>> atOffice(String officeCode, TicketState state) {
        return find("state = ?1 and applicationId in (select a.id from Application a where a.officeCode = ?2)",
                Sort.ascending("updatedAt"), state, officeCode).page(0, PAGE).list();
    }

    /** Every office's tickets in {@code state} (admins). */
    public Uni<List<HelpdeskTicket>> inState(TicketState state) {
        return find("state", Sort.ascending("updatedAt"), state).page(0, PAGE).list();
    }
}
