package id.go.imigrasi.mpaspor.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.domain.HelpdeskMessage;
import id.go.imigrasi.mpaspor.application.domain.HelpdeskTicket;
import id.go.imigrasi.mpaspor.application.domain.Party;
import id.go.imigrasi.mpaspor.application.domain.TicketCategory;
import id.go.imigrasi.mpaspor.application.domain.TicketLifecycle;
import id.go.imigrasi.mpaspor.application.domain.TicketState;
import id.go.imigrasi.mpaspor.application.mail.ApplicantMails;
import id.go.imigrasi.mpaspor.application.repository.ApplicantDocumentRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.application.repository.HelpdeskMessageRepository;
import id.go.imigrasi.mpaspor.application.repository.HelpdeskTicketRepository;
import id.go.imigrasi.mpaspor.application.service.HelpdeskViews.MessageView;
import id.go.imigrasi.mpaspor.application.service.HelpdeskViews.TicketSummary;
import id.go.imigrasi.mpaspor.application.service.HelpdeskViews.TicketView;
import id.go.imigrasi.mpaspor.contracts.application.HelpdeskTicketAnswered;
import id.go.imigrasi.mpaspor.contracts.application.HelpdeskTicketClosed;
import id.go.imigrasi.mpaspor.contracts.application.HelpdeskTicketOpened;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Helpdesk tickets about an application (issue 22). The applicant opens one (a category, a subject, a message); the
 * officers of the office the application is booked at (and admins) read, answer and close it; the applicant replies
 * and may reopen a closed one for a while. How the state moves is {@link TicketLifecycle}'s; every move is on the
 * application's timeline ({@code TICKET_OPENED}, {@code TICKET_ANSWERED}, {@code TICKET_REPLIED},
 * {@code TICKET_REOPENED}, {@code TICKET_CLOSED}) and opened, answered and closed go out as events through the outbox
 * in the same transaction; an answer also mails the applicant. Who may see a ticket is who may read its application
 * ({@link Access#readable}: another applicant's or another office's is "not found").
 * <p>
 * Attachments are not files here: a message points to uploads already made for this application's documents (the
 * document states this service follows from upload-service), checked to be the application's own. A new file goes
 * through the usual tus upload first.
 */
@ApplicationScoped
public class Helpdesk {

    private final ApplicationRepository applications;
    private final ApplicantRepository applicants;
    private final ApplicantDocumentRepository documents;
    private final HelpdeskTicketRepository tickets;
    private final HelpdeskMessageRepository messages;
    private final Timeline timeline;
    private final Outbox outbox;
    private final ApplicantMails mails;
    private final ApplicationConfig config;
    private final Clock clock;

    public Helpdesk(ApplicationRepository applications, ApplicantRepository applicants,
            ApplicantDocumentRepository documents, HelpdeskTicketRepository tickets,
            HelpdeskMessageRepository messages, Timeline timeline, Outbox outbox, ApplicantMails mails,
            ApplicationConfig config, Clock clock) {
        this.applications = applications;
        this.applicants = applicants;
        this.documents = documents;
        this.tickets = tickets;
        this.messages = messages;
        this.timeline = timeline;
        this.outbox = outbox;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
    }

    /** The applicant opens a ticket: 400 with every offending field, and nothing stored, when the form is wrong. */
    public Uni<TicketView> open(UUID applicationId, TicketRequest request, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        TicketCategory category = null;
        if (request == null || request.category() == null || request.category().isBlank()) {
            errors.add(FieldError.of("category", "validation.required"));
        } else {
            category = TicketCategory.parse(request.category()).orElse(null);
            if (category == null) {
                errors.add(FieldError.of("category", "validation.ticket-category"));
            }
        }
        text(errors, "subject", request == null ? null : request.subject(), config.helpdesk().subjectMaxLength());
        text(errors, "message", request == null ? null : request.message(), config.helpdesk().messageMaxLength());
        List<String> uploads = attachmentsShape(errors, request == null ? null : request.uploadIds());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        TicketCategory chosen = category;
        Instant now = clock.instant();
        return Panache.withTransaction(() -> applications.lock(applicationId)
                .map(app -> Access.owned(app, caller))
                .call(app -> attachmentsOwned(app, uploads))
                .chain(app -> {
                    HelpdeskTicket ticket = new HelpdeskTicket();
                    ticket.id = UUID.randomUUID();
                    ticket.applicationId = app.id;
                    ticket.category = chosen;
                    ticket.subject = request.subject().trim();
                    ticket.state = TicketState.OPEN;
                    ticket.openedBy = caller.accountId();
                    ticket.createdAt = now;
                    ticket.updatedAt = now;
                    HelpdeskMessage first = message(ticket, Party.APPLICANT, caller, request.message(), uploads, now);
                    return tickets.persist(ticket).chain(() -> messages.persist(first))
                            .chain(() -> outbox.append(new HelpdeskTicketOpened(app.id.toString(),
                                    ticket.id.toString(), chosen.name(), app.officeCode, now)))
                            .chain(eventId -> timeline.record(app.id, eventId.toString(), "TICKET_OPENED", now, null,
                                    DeskAssistance.recorded(caller, ApplicationFollower.details("ticketId", ticket.id,
                                            "category", chosen.name()))))
                            .chain(() -> view(ticket));
                }));
    }

    /**
     * A message on a ticket, by the applicant (the ticket waits for the office again; a closed one reopens within
     * the window) or by the office (answered: the applicant gets a mail).
     */
    public Uni<TicketView> reply(UUID applicationId, UUID ticketId, TicketRequest.Reply reply, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "message", reply == null ? null : reply.message(), config.helpdesk().messageMaxLength());
        List<String> uploads = attachmentsShape(errors, reply == null ? null : reply.uploadIds());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = clock.instant();
        boolean[] answered = { false };
        return Panache.withTransaction(() -> applications.lock(applicationId)
                .map(app -> Access.readable(app, caller))
                .call(app -> attachmentsOwned(app, uploads))
                .chain(app -> ticketOf(app, ticketId).chain(ticket -> {
                    Party party = Access.party(app, caller);
                    TicketState from = ticket.state;
                    TicketLifecycle.Move move = TicketLifecycle.apply(from, TicketLifecycle.wrote(party),
                            ticket.closedAt, now, config.helpdesk().reopenWithin());
                    refuseIfNot(move);
                    ticket.moveTo(move.next(), caller.accountId(), now);
                    answered[0] = party.staff();
                    return messages.persist(message(ticket, party, caller, reply.message(), uploads, now))
                            .chain(() -> moved(app, ticket, from, party, caller, now))
                            .chain(() -> party.staff()
                                    ? mails.queue(app, ApplicantMails.Kind.TICKET_ANSWERED, ticket.subject,
                                            mails.website(), app.id.toString())
                                    : Uni.createFrom().voidItem())
                            .chain(() -> view(ticket));
                })))
                .invoke(() -> {
                    if (answered[0]) {
                        mails.wake();
                    }
                });
    }

    /** Either side closes (resolves) the ticket; a closed one answers 409 {@code ticket-closed}. */
    public Uni<TicketView> close(UUID applicationId, UUID ticketId, Caller caller) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> applications.lock(applicationId)
                .map(app -> Access.readable(app, caller))
                .chain(app -> ticketOf(app, ticketId).chain(ticket -> {
                    Party party = Access.party(app, caller);
                    TicketState from = ticket.state;
                    TicketLifecycle.Move move = TicketLifecycle.apply(from, TicketLifecycle.Step.CLOSE,
                            ticket.closedAt, now, config.helpdesk().reopenWithin());
                    refuseIfNot(move);
                    ticket.moveTo(move.next(), caller.accountId(), now);
                    return moved(app, ticket, from, party, caller, now).chain(() -> view(ticket));
                })));
    }

    @WithSession
    public Uni<TicketView> ticket(UUID applicationId, UUID ticketId, Caller caller) {
        return applications.findById(applicationId).map(app -> Access.readable(app, caller))
                .chain(app -> ticketOf(app, ticketId)).chain(this::view);
    }

    @WithSession
    public Uni<List<TicketSummary>> ofApplication(UUID applicationId, Caller caller) {
        return applications.findById(applicationId).map(app -> Access.readable(app, caller))
                .chain(app -> tickets.ofApplication(app.id)
                        .map(list -> list.stream().map(t -> summary(t, app.officeCode)).toList()));
    }

    /**
     * The office's tickets in a state (OPEN: waiting for the office, the default), longest waiting first. An
     * officer sees their own office's only (naming another: 403); an admin any office's, or all without one.
     */
    @WithSession
    public Uni<List<TicketSummary>> atOffice(String office, String state, Caller caller) {
        TicketState wanted = TicketState.OPEN;
        if (state != null && !state.isBlank()) {
            try {
                wanted = TicketState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw ProblemException.invalid("state", "validation.ticket-state");
            }
        }
        String officeCode = office == null || office.isBlank() ? null : office.trim();
        if (!caller.hasRole(Roles.ADMIN)) {
            String own = caller.officeCode().orElseThrow(() -> ProblemException.of(CommonProblem.FORBIDDEN));
            if (officeCode != null && !officeCode.equals(own)) {
                throw ProblemException.of(CommonProblem.FORBIDDEN);
            }
            officeCode = own;
        }
        Uni<List<HelpdeskTicket>> found = officeCode == null ? tickets.inState(wanted)
                : tickets.atOffice(officeCode, wanted);
        return found.chain(list -> list.isEmpty() ? Uni.createFrom().item(List.<TicketSummary>of())
                : applications.list("id in ?1", list.stream().map(t -> t.applicationId).distinct().toList())
                        .map(apps -> list.stream().map(t -> summary(t, apps.stream()
                                .filter(a -> a.id.equals(t.applicationId)).map(a -> a.officeCode).findFirst()
                                .orElse(null))).toList()));
    }

    /** The timeline entry of a change of state, and the event of an answer or a closing (outbox). */
    private Uni<Void> moved(Application app, HelpdeskTicket ticket, TicketState from, Party party, Caller caller,
            Instant now) {
        String kind = TicketLifecycle.timelineKind(from, ticket.state);
        if (kind == null) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> details = DeskAssistance.recorded(caller, ApplicationFollower.details("ticketId",
                ticket.id, "by", party.name()));
        Uni<String> eventId = switch (ticket.state) {
            case ANSWERED -> outbox.append(new HelpdeskTicketAnswered(app.id.toString(), ticket.id.toString(),
                    caller.accountId(), app.officeCode, now)).map(UUID::toString);
            case CLOSED -> outbox.append(new HelpdeskTicketClosed(app.id.toString(), ticket.id.toString(),
                    caller.accountId(), party.name(), now)).map(UUID::toString);
            case OPEN -> Uni.createFrom().item("local-" + UUID.randomUUID());
        };
        return eventId.chain(id -> timeline.record(app.id, id, kind, now, null, details));
    }

    private Uni<HelpdeskTicket> ticketOf(Application app, UUID ticketId) {
        return tickets.lock(ticketId).map(ticket -> {
            if (ticket == null || !ticket.applicationId.equals(app.id)) {
                throw ProblemException.of(ApplicationProblem.TICKET_NOT_FOUND);
            }
            return ticket;
        });
    }

    private void refuseIfNot(TicketLifecycle.Move move) {
        if (move.allowed()) {
            return;
        }
        throw switch (move.refusal()) {
            case CLOSED -> ProblemException.of(ApplicationProblem.TICKET_CLOSED);
            case REOPEN_WINDOW_PASSED -> ProblemException.of(ApplicationProblem.TICKET_REOPEN_WINDOW_PASSED,
                    config.helpdesk().reopenWithin().toDays());
        };
    }

    private static HelpdeskMessage message(HelpdeskTicket ticket, Party party, Caller caller, String body,
            List<String> uploads, Instant now) {
        HelpdeskMessage m = new HelpdeskMessage();
        m.id = UUID.randomUUID();
        m.ticketId = ticket.id;
        m.authorRole = party;
        m.authorId = caller.accountId();
        m.assistedBy = caller.actor().map(Caller.Actor::officerId).orElse(null);
        m.body = body.trim();
        m.uploadIds = String.join(",", uploads);
        m.createdAt = now;
        return m;
    }

    private Uni<TicketView> view(HelpdeskTicket ticket) {
        return messages.ofTicket(ticket.id).map(list -> new TicketView(ticket.id, ticket.applicationId,
                ticket.category.name(), ticket.subject, ticket.state.name(), ticket.createdAt, ticket.updatedAt,
                ticket.closedAt, ticket.closedAt == null ? null : ticket.closedAt.plus(config.helpdesk().reopenWithin()),
                list.stream().map(m -> new MessageView(m.id, m.authorRole.name(), m.authorId, m.assistedBy, m.body,
                        m.uploads(), m.createdAt)).toList()));
    }

    private static TicketSummary summary(HelpdeskTicket t, String officeCode) {
        return new TicketSummary(t.id, t.applicationId, officeCode, t.category.name(), t.subject, t.state.name(),
                t.createdAt, t.updatedAt);
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "validation.required"));
        } else if (value.trim().length() > max) {
            errors.add(FieldError.of(field, "validation.too-long", max));
        }
    }

    /** The attachments' form: at most max-attachments, each an upload id (a UUID), none twice. */
    private List<String> attachmentsShape(List<FieldError> errors, List<String> uploadIds) {
        if (uploadIds == null || uploadIds.isEmpty()) {
            return List.of();
        }
        int max = config.helpdesk().maxAttachments();
        if (uploadIds.size() > max) {
            errors.add(FieldError.of("uploadIds", "validation.ticket-attachments", max));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < uploadIds.size(); i++) {
            String id = uploadIds.get(i);
            try {
                String normal = UUID.fromString(id == null ? "" : id.trim()).toString();
                if (!out.contains(normal)) {
                    out.add(normal);
                }
            } catch (IllegalArgumentException notAnUpload) {
                errors.add(FieldError.of("uploadIds[" + i + "]", "validation.ticket-attachment"));
            }
        }
        return out;
    }

    /** Each attachment is an upload of this application's documents (as upload-service reported them); else 400. */
    private Uni<Void> attachmentsOwned(Application app, List<String> uploads) {
        if (uploads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return applicants.ofApplication(app.id)
                .chain(people -> documents.ofApplicants(people.stream().map(p -> p.id).toList()))
                .map(docs -> {
                    Set<String> own = new HashSet<>();
                    docs.forEach(d -> own.add(d.uploadId));
                    List<FieldError> errors = new ArrayList<>();
                    for (int i = 0; i < uploads.size(); i++) {
                        if (!own.contains(uploads.get(i))) {
                            errors.add(FieldError.of("uploadIds[" + i + "]", "validation.ticket-attachment"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw ProblemException.invalid(errors);
                    }
                    return null;
                });
    }
}
