package id.go.imigrasi.mpaspor.application.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.domain.HelpdeskMessage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HelpdeskMessageRepository implements PanacheRepositoryBase<HelpdeskMessage, UUID> {

    /** The ticket's messages, oldest first (the conversation as it went). */
    public Uni<List<HelpdeskMessage>> ofTicket(UUID ticketId) {
        return find("ticketId", Sort.ascending("createdAt").and("id"), ticketId).list();
    }
}
