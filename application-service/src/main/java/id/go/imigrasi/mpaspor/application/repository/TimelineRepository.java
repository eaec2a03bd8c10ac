package id.go.imigrasi.mpaspor.application.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.domain.TimelineEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, UUID> {

    /** Ordered by the events' own times, whatever order they arrived in. */
    public Uni<List<TimelineEntry>> ofApplication(UUID applicationId) {
        return find("applicationId", Sort.ascending("occurredAt").and("recordedAt"), applicationId).list();
    }

    public Uni<Long> countEvent(UUID applicationId, String eventId) {
        return count("applicationId = ?1 and eventId = ?2", applicationId, eventId);
    }
}
