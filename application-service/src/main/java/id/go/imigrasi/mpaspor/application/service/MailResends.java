package id.go.imigrasi.mpaspor.application.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.domain.MailResend;
import id.go.imigrasi.mpaspor.application.domain.Party;
import id.go.imigrasi.mpaspor.application.domain.TimelineEntry;
import id.go.imigrasi.mpaspor.application.mail.ApplicantMails;
import id.go.imigrasi.mpaspor.application.repository.ApplicationMailLog;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.application.repository.MailResendRepository;
import id.go.imigrasi.mpaspor.application.repository.TimelineRepository;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * "A mail can be sent again" (issue 22): the applicant, or an officer of the office the application is booked at (an
 * admin too), asks for the last mail of a kind again, when it got lost or deleted. The copy is a new mail on the
 * platform's mail outbox (the first one stays as it was: the mails list shows both), rendered from what the
 * application knows now, since a sent mail's body is erased (platform-mail). Only mails whose content still holds are
 * sent again: the bill while it is to be paid ({@code BILLING_ISSUED}), the appointment with its booking code
 * ({@code APPOINTMENT_SCHEDULED}). At most one resend per kind and application per
 * {@code mpaspor.application.mails.resend-every} (429 with Retry-After), counted under the application's row lock so
 * two clicks at once send one copy. Each resend is recorded (who, when: table {@code mail_resend}) and on the
 * timeline ({@code MAIL_RESENT}).
 */
@ApplicationScoped
public class MailResends {

    /** The kinds that can be resent. */
    static final List<ApplicantMails.Kind> RESENDABLE = List.of(ApplicantMails.Kind.BILLING_ISSUED,
            ApplicantMails.Kind.APPOINTMENT_SCHEDULED);

    /** What to resend. */
    @Schema(name = "MailResendRequest", description = "Which mail of this application to send again")
    public record Request(@Schema(required = true, enumeration = { "BILLING_ISSUED", "APPOINTMENT_SCHEDULED" },
            description = "The mail's kind (read case-insensitively)", examples = "BILLING_ISSUED") String kind) {
    }

    /** A resend queued. */
    public record Resent(UUID id, String kind, Instant requestedAt) {
    }

    /** One mail of the application as the mail outbox holds it. */
    public record MailView(UUID id, String kind,
            @Schema(description = "EMAIL, SMS or WHATSAPP (the channels the holder chose)") String channel,
            String recipient, String subject, Instant queuedAt, Instant sentAt,
            @Schema(description = "QUEUED (not sent yet, retried), SENT or FAILED (given up)") String state,
            int attempts, @Schema(description = "A copy someone asked for") boolean resent,
            @Schema(description = "A text's delivery to the phone, as the provider's signed receipt said") Instant deliveredAt) {
    }

    private final ApplicationRepository applications;
    private final MailResendRepository resends;
    private final ApplicationMailLog log;
    private final TimelineRepository entries;
    private final Timeline timeline;
    private final ApplicantMails mails;
    private final ApplicationConfig config;
    private final Clock clock;
    private final ObjectMapper json;

    public MailResends(ApplicationRepository applications, MailResendRepository resends, ApplicationMailLog log,
            TimelineRepository entries, Timeline timeline, ApplicantMails mails, ApplicationConfig config,
            Clock clock, ObjectMapper json) {
        this.applications = applications;
        this.resends = resends;
        this.log = log;
        this.entries = entries;
        this.timeline = timeline;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    public Uni<Resent> resend(UUID applicationId, Request request, Caller caller) {
        ApplicantMails.Kind kind = kind(request);
        Instant now = clock.instant();
        return Panache.withTransaction(() -> applications.lock(applicationId)
                .map(app -> Access.readable(app, caller))
                .call(app -> log.any(app.id, kind.name()).invoke(any -> {
                    if (!any) {
                        throw ProblemException.of(ApplicationProblem.MAIL_NOT_FOUND, kind.name());
                    }
                }))
                .chain(app -> resends.latest(app.id, kind.name()).chain(last -> {
                    Duration every = config.mails().resendEvery();
                    if (last != null && now.isBefore(last.requestedAt.plus(every))) {
                        Duration left = Duration.between(now, last.requestedAt.plus(every));
                        throw ProblemException.retryLater(ApplicationProblem.MAIL_RESEND_TOO_SOON,
                                Duration.ofSeconds(Math.max(1, (left.toMillis() + 999) / 1000)), kind.name());
                    }
                    return arguments(app, kind, now).chain(args -> {
                        Party party = Access.party(app, caller);
                        MailResend resend = new MailResend();
                        resend.id = UUID.randomUUID();
                        resend.applicationId = app.id;
                        resend.kind = kind.name();
                        resend.requestedBy = caller.accountId();
                        resend.requestedByRole = party;
                        resend.requestedAt = now;
                        return resends.persist(resend)
                                .chain(() -> mails.resend(resend.id, app, kind, args))
                                .chain(() -> timeline.local(app.id, "MAIL_RESENT", now, null,
                                        DeskAssistance.recorded(caller, ApplicationFollower.details("mailKind",
                                                kind.name(), "by", party.name()))))
                                .replaceWith(new Resent(resend.id, kind.name(), now));
                    });
                })))
                .invoke(mails::wake);
    }

    /** The application's mails, oldest first. */
    @WithSession
    public Uni<List<MailView>> ofApplication(UUID applicationId, Caller caller) {
        return applications.findById(applicationId).map(app -> Access.readable(app, caller))
                .chain(app -> log.ofApplication(app.id, ApplicantMails.RESEND_KEY))
                .map(rows -> rows.stream().map(r -> new MailView(r.id(), r.kind(), r.channel(), r.recipient(),
                        r.subject(), r.queuedAt(), r.sentAt(),
                        r.sentAt() != null ? "SENT" : r.deadAt() != null ? "FAILED" : "QUEUED",
                        r.attempts(), r.resent(), r.deliveredAt())).toList());
    }

    private static ApplicantMails.Kind kind(Request request) {
        if (request == null || request.kind() == null || request.kind().isBlank()) {
            throw ProblemException.invalid("kind", "validation.required");
        }
        String name = request.kind().trim().toUpperCase(Locale.ROOT);
        return RESENDABLE.stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("kind", "validation.mail-kind"));
    }

    /** The mail's content as the application knows it now; 409 when it no longer holds. */
    private Uni<Object[]> arguments(Application app, ApplicantMails.Kind kind, Instant now) {
        if (kind == ApplicantMails.Kind.BILLING_ISSUED) {
            if (app.billingCode == null || !"ISSUED".equals(app.billingStatus) || app.billingExpiresAt == null
                    || !now.isBefore(app.billingExpiresAt)) {
                throw ProblemException.of(ApplicationProblem.MAIL_NOT_RESENDABLE, kind.name());
            }
            return Uni.createFrom().item(new Object[] { app.billingCode, app.billingAmount,
                    mails.local(app.billingExpiresAt) });
        }
        if (app.status.finished()) {
            throw ProblemException.of(ApplicationProblem.MAIL_NOT_RESENDABLE, kind.name());
        }
        return entries.ofApplication(app.id).map(history -> {
            JsonNode latest = null;
            for (TimelineEntry entry : history) {
                if ("APPOINTMENT_SCHEDULED".equals(entry.kind)) {
                    try {
                        latest = json.readTree(entry.details);
                    } catch (IOException unreadable) {
                        // an entry we cannot read is no appointment to repeat
                    }
                }
            }
            if (latest == null) {
                throw ProblemException.of(ApplicationProblem.MAIL_NOT_RESENDABLE, kind.name());
            }
            return new Object[] { latest.path("officeCode").asText(), latest.path("date").asText(),
                    latest.path("session").asText(), latest.path("bookingCode").asText() };
        });
    }
}
