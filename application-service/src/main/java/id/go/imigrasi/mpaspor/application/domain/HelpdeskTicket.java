package id.go.imigrasi.mpaspor.application.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A helpdesk ticket about one application (V140); its messages are {@link HelpdeskMessage}s. */
@Entity
@Table(name = "helpdesk_ticket")
public class HelpdeskTicket {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public TicketCategory category;

    @Column(nullable = false, updatable = false)
    public String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketState state;

    @Column(name = "opened_by", nullable = false, updatable = false)
    public String openedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    /** Takes the move {@link TicketLifecycle} allowed, by {@code who} at {@code at}. */
    public void moveTo(TicketState next, String who, Instant at) {
        if (next == TicketState.CLOSED) {
            closedAt = at;
            closedBy = who;
        } else if (state == TicketState.CLOSED) {
            closedAt = null;
            closedBy = null;
        }
        state = next;
        updatedAt = at;
    }
}
