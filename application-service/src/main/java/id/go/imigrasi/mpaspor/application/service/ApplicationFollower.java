package id.go.imigrasi.mpaspor.application.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.domain.ApplicationOutcome;
import id.go.imigrasi.mpaspor.application.domain.ApplicationOutcome.ApplicantOutcome;
import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.domain.TimelineEntry;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.platform.inbox.Envelope;
import io.smallrye.mutiny.Uni;

/**
 * Follows an application through the other services' events, inside the inbox transaction of each event: the
 * status, which only moves forward, and one timeline entry at the event's own time. Events that arrive late or
 * twice therefore still give an ordered timeline, one entry per event, and a status that never goes back. A
 * finished application frees its NIKs. What an event changes beyond that (the bill, the appointment, a mail) is
 * in the use case that follows its producer ({@link FollowBilling}, {@link FollowQuota}, {@link FollowOfficeVisit},
 * {@link FollowDocuments}) and the {@link Application} aggregate.
 */
@ApplicationScoped
public class ApplicationFollower {

    private static final Logger LOG = Logger.getLogger(ApplicationFollower.class);

    private final ApplicationRepository applications;
    private final ApplicantRepository applicants;
    private final Timeline timeline;
    private final ApplicantsAnnouncer announcer;
    private final ObjectMapper json;

    public ApplicationFollower(ApplicationRepository applications, ApplicantRepository applicants, Timeline timeline,
            ApplicantsAnnouncer announcer, ObjectMapper json) {
        this.applications = applications;
        this.applicants = applicants;
        this.timeline = timeline;
        this.announcer = announcer;
        this.json = json;
    }

    /**
     * The application an event of this kind is about, locked until the end of the inbox transaction (changes to
     * one application take turns); {@code null} when it is not one of ours (the event is then ignored).
     */
    public Uni<Application> lock(String applicationId, String kind) {
        UUID id = parse(applicationId);
        if (id == null) {
            LOG.debugf("%s for application '%s': not one of ours, ignored", kind, applicationId);
            return Uni.createFrom().nullItem();
        }
        return applications.lock(id).invoke(app -> {
            if (app == null) {
                LOG.infof("%s for unknown application %s, ignored", kind, id);
            }
        });
    }

    /** A step with no effect beyond status and timeline. */
    public Uni<Void> step(Envelope envelope, String applicationId, String kind, ApplicationStatus status,
            Instant occurredAt, Object... details) {
        return lock(applicationId, kind).chain(app -> app == null ? none()
                : record(envelope, app, kind, status, envelope.or(occurredAt), details(details)));
    }

    /**
     * Records the step on the locked application: the status moves forward to {@code status} (if given and
     * later), a finished application frees its NIKs, and the timeline gets the event's entry.
     */
    public Uni<Void> record(Envelope envelope, Application app, String kind, ApplicationStatus status,
            Instant occurredAt, Map<String, Object> details) {
        boolean moved = app.advanceTo(status);
        return (moved && app.status.finished() ? applicants.deactivate(app.id).chain(() -> announcer.announceNone(app))
                : none())
                .chain(() -> timeline.record(app.id, envelope.id(), kind, occurredAt, status, details));
    }

    /**
     * One applicant reached a final outcome at the office (passport delivered, collected or cancelled uncollected,
     * or the applicant rejected): the application ends only once every applicant has one, in the status
     * {@link ApplicationOutcome} decides from all of them, so a family's application does not look finished while
     * a child's passport still waits at the office, and one whose applicants were all rejected ends REJECTED.
     */
    public Uni<Void> applicantDone(Envelope envelope, String applicationId, String applicantId, String kind,
            Instant occurredAt, Object... details) {
        return lock(applicationId, kind).chain(app -> app == null ? none()
                : timeline.ofApplication(app.id).chain(entries -> applicants.ofApplication(app.id).chain(all -> {
                    Map<String, ApplicantOutcome> outcomes = new HashMap<>();
                    all.forEach(a -> outcomes.put(a.id.toString(), ApplicantOutcome.PENDING));
                    for (TimelineEntry entry : entries) {
                        ApplicantOutcome reported = ApplicantOutcome.ofTimelineKind(entry.kind);
                        if (reported.isFinal()) {
                            outcomes.computeIfPresent(applicantOf(entry), (who, was) -> was.and(reported));
                        }
                    }
                    outcomes.computeIfPresent(applicantId,
                            (who, was) -> was.and(ApplicantOutcome.ofTimelineKind(kind)));
                    ApplicationStatus status = ApplicationOutcome.finalStatus(outcomes.values()).orElse(null);
                    return record(envelope, app, kind, status, envelope.or(occurredAt), details(details));
                })));
    }

    private String applicantOf(TimelineEntry entry) {
        try {
            return json.readTree(entry.details).path("applicantId").asText("");
        } catch (JsonProcessingException e) {
            return "";
        }
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
