package id.go.imigrasi.mpaspor.application.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.events.EventMeta;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import io.smallrye.mutiny.Uni;

/**
 * Follows an application through the other services' events, inside the inbox transaction of each event: the
 * event's effect on the application (billing code, appointment...), the status, which only moves forward, and
 * one timeline entry at the event's own time. Events that arrive late or twice therefore still give an ordered
 * timeline, one entry per event, and a status that never goes back. A finished application frees its NIKs.
 */
@ApplicationScoped
public class ApplicationFollower {

    private static final Logger LOG = Logger.getLogger(ApplicationFollower.class);

    /** One step of an application as an event reports it. */
    public record Step(String kind, ApplicationStatus status, Instant occurredAt, Map<String, Object> details,
            Function<Application, Uni<Void>> effect) {
    }

    private final ApplicationRepository applications;
    private final ApplicantRepository applicants;
    private final Timeline timeline;

    private final ApplicantsAnnouncer announcer;

    public ApplicationFollower(ApplicationRepository applications, ApplicantRepository applicants, Timeline timeline,
            ApplicantsAnnouncer announcer) {
        this.announcer = announcer;
        this.applications = applications;
        this.applicants = applicants;
        this.timeline = timeline;
    }

    /** A step with no effect beyond status and timeline. */
    public Uni<Void> step(EventMeta meta, String applicationId, String kind, ApplicationStatus status,
            Instant occurredAt, Object... details) {
        return apply(meta, applicationId, new Step(kind, status, meta.or(occurredAt), details(details), app -> none()));
    }

    public Uni<Void> apply(EventMeta meta, String applicationId, Step step) {
        UUID id = parse(applicationId);
        if (id == null) {
            LOG.debugf("%s for application '%s': not one of ours, ignored", step.kind(), applicationId);
            return none();
        }
        return applications.lock(id).chain(app -> {
            if (app == null) {
                LOG.infof("%s for unknown application %s, ignored", step.kind(), id);
                return none();
            }
            return applyLocked(meta, app, step);
        });
    }

    /**
     * One applicant's passport is out of the office's hands (delivered by Pos, collected) or the applicant was
     * rejected there: the application is DELIVERED only once every applicant is, so a family's application does
     * not look finished while a child's passport still waits at the office.
     */
    public Uni<Void> applicantDone(EventMeta meta, String applicationId, String applicantId, String kind,
            Instant occurredAt, Object... details) {
        UUID id = parse(applicationId);
        if (id == null) {
            return none();
        }
        return applications.lock(id).chain(app -> {
            if (app == null) {
                LOG.infof("%s for unknown application %s, ignored", kind, id);
                return none();
            }
            return timeline.ofApplication(app.id).chain(entries -> applicants.ofApplication(app.id).chain(all -> {
                long others = all.stream().map(a -> a.id.toString())
                        .filter(a -> !a.equals(applicantId))
                        .filter(a -> entries.stream().noneMatch(e -> APPLICANT_DONE.contains(e.kind)
                                && e.details.contains("\"applicantId\":\"" + a + "\"")))
                        .count();
                ApplicationStatus status = others == 0 ? ApplicationStatus.DELIVERED : null;
                return applyLocked(meta, app, new Step(kind, status, meta.or(occurredAt), details(details),
                        a -> none()));
            }));
        });
    }

    /** Timeline kinds after which nothing more happens for that applicant. */
    public static final java.util.Set<String> APPLICANT_DONE = java.util.Set.of("PASSPORT_DELIVERED",
            "PASSPORT_COLLECTED", "REJECTED_AT_OFFICE");

    private Uni<Void> applyLocked(EventMeta meta, Application app, Step step) {
        boolean moved = app.advanceTo(step.status());
        return step.effect().apply(app)
                .chain(() -> moved && app.status.finished()
                        ? applicants.deactivate(app.id).chain(() -> announcer.announceNone(app)) : none())
                .chain(() -> timeline.record(app.id, meta.id(), step.kind(), step.occurredAt(), step.status(),
                        step.details()));
    }

    /** Key-value pairs, nulls left out. */
    public static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            if (v != null) {
                out.put(String.valueOf(keyValues[i]), v instanceof Number || v instanceof Boolean ? v : String.valueOf(v));
            }
        }
        return out;
    }

    public static Uni<Void> none() {
        return Uni.createFrom().voidItem();
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
