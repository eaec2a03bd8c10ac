package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** An officer (or an admin) answered a helpdesk ticket: who and when, not what (issue 22). */
@EventType(service = "application", name = "HelpdeskTicketAnswered")
public record HelpdeskTicketAnswered(String applicationId, String ticketId, String answeredBy, String officeCode,
        Instant answeredAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
