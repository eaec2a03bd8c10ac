package id.go.imigrasi.mpaspor.application.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of the application's history, from one event, at the event's own time. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public String status;

    /** A JSON object. */
    @Column(nullable = false)
    public String details;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
