package id.go.imigrasi.mpaspor.application.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the helpdesk endpoints answer. */
public final class HelpdeskViews {

    private HelpdeskViews() {
    }

    /** One message: who wrote it (APPLICANT, OFFICER or ADMIN, and their id), when, what, which uploads. */
    public record MessageView(UUID id, @Schema(examples = "OFFICER") String authorRole, String authorId,
            @Schema(description = "The desk officer who typed it for the applicant, if any") String assistedBy,
            String message, List<String> uploadIds, Instant at) {
    }

    /** A ticket with its messages, oldest first. */
    public record TicketView(UUID id, UUID applicationId, @Schema(examples = "PAYMENT") String category,
            String subject, @Schema(examples = "OPEN", description = "OPEN, ANSWERED or CLOSED") String state,
            Instant createdAt, Instant updatedAt, Instant closedAt,
            @Schema(description = "A closed ticket: until when the applicant may reopen it by replying")
            Instant reopenableUntil, List<MessageView> messages) {
    }

    /** A ticket in a list. */
    public record TicketSummary(UUID id, UUID applicationId, String officeCode, String category, String subject,
            String state, Instant createdAt, Instant updatedAt) {
    }
}
