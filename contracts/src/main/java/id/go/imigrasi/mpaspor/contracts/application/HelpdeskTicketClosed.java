package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * A helpdesk ticket was closed (resolved), by the applicant or by an officer ({@code closedByRole}: APPLICANT,
 * OFFICER or ADMIN). The applicant may still reopen it for a while by replying.
 */
@EventType(service = "application", name = "HelpdeskTicketClosed")
public record HelpdeskTicketClosed(String applicationId, String ticketId, String closedBy, String closedByRole,
        Instant closedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
