package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * An applicant opened a helpdesk ticket about one of their applications (issue 22). What it is about (the category)
 * and where it is booked, never the subject or the message: those are the applicant's words, read in
 * application-service by the applicant and the officers of that office only.
 */
@EventType(service = "application", name = "HelpdeskTicketOpened")
public record HelpdeskTicketOpened(String applicationId, String ticketId, String category, String officeCode,
        Instant openedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
