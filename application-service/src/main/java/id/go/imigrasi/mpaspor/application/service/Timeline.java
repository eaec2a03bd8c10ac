package id.go.imigrasi.mpaspor.application.service;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.domain.TimelineEntry;
import id.go.imigrasi.mpaspor.application.repository.TimelineRepository;
import io.smallrye.mutiny.Uni;

/** Writes timeline entries in the caller's transaction: one per event, at the event's own time. */
@ApplicationScoped
public class Timeline {

    private final TimelineRepository entries;
    private final ObjectMapper json;

    public Timeline(TimelineRepository entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
    }

    /** The application's entries so far, oldest first. */
    public Uni<java.util.List<TimelineEntry>> ofApplication(UUID applicationId) {
        return entries.ofApplication(applicationId);
    }

    /** A step taken here (created, submitted, cancelled, verified). */
    public Uni<Void> local(UUID applicationId, String kind, Instant at, ApplicationStatus status,
            Map<String, Object> details) {
        return record(applicationId, "local-" + UUID.randomUUID(), kind, at, status, details);
    }

    public Uni<Void> record(UUID applicationId, String eventId, String kind, Instant at, ApplicationStatus status,
            Map<String, Object> details) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.applicationId = applicationId;
        entry.eventId = eventId;
        entry.kind = kind;
        entry.occurredAt = at;
        entry.status = status == null ? null : status.name();
        entry.recordedAt = Instant.now();
        try {
            entry.details = json.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return entries.persist(entry).replaceWithVoid();
    }
}
