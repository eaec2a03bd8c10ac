package id.go.imigrasi.mpaspor.application.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message of a helpdesk ticket: who wrote it, when, and which of the application's uploads it points to. */
@Entity
@Table(name = "helpdesk_message")
public class HelpdeskMessage {

    @Id
    public UUID id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    public UUID ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_role", nullable = false, updatable = false)
    public Party authorRole;

    @Column(name = "author_id", nullable = false, updatable = false)
    public String authorId;

    @Column(name = "assisted_by", updatable = false)
    public String assistedBy;

    @Column(nullable = false, updatable = false)
    public String body;

    /** Comma-separated upload ids. */
    @Column(name = "upload_ids", nullable = false, updatable = false)
    public String uploadIds;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public List<String> uploads() {
        return uploadIds == null || uploadIds.isEmpty() ? List.of() : Arrays.asList(uploadIds.split(","));
    }
}
