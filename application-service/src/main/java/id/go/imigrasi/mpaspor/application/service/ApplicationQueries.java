package id.go.imigrasi.mpaspor.application.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.Applicant;
import id.go.imigrasi.mpaspor.application.domain.ApplicantDocument;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.domain.BookingNeed;
import id.go.imigrasi.mpaspor.application.domain.DocumentRequirements;
import id.go.imigrasi.mpaspor.application.domain.DocumentState;
import id.go.imigrasi.mpaspor.application.domain.TimelineEntry;
import id.go.imigrasi.mpaspor.application.repository.ApplicantDocumentRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.application.repository.TimelineRepository;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.ApplicantRequirements;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.ApplicantView;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.Appointment;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.Billing;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.Detail;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.Limits;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.Questionnaire;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.RequirementsView;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.Summary;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.TimelineView;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.VerificationView;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads applications for their owner, for officers of the office they are booked at, and for admins. */
@ApplicationScoped
public class ApplicationQueries {

    private final ApplicationRepository applications;
    private final ApplicantRepository applicants;
    private final ApplicantDocumentRepository documents;
    private final TimelineRepository timeline;
    private final ApplicationConfig config;
    private final ObjectMapper json;

    public ApplicationQueries(ApplicationRepository applications, ApplicantRepository applicants,
            ApplicantDocumentRepository documents, TimelineRepository timeline, ApplicationConfig config,
            ObjectMapper json) {
        this.applications = applications;
        this.applicants = applicants;
        this.documents = documents;
        this.timeline = timeline;
        this.config = config;
        this.json = json;
    }

    /** An applicant's own applications; an officer's: those booked at their office. */
    @WithSession
    public Uni<List<Summary>> list(Caller caller) {
        Uni<List<Application>> apps;
        if (caller.hasRole(Roles.OFFICER) && !caller.hasRole(Roles.APPLICANT)) {
            apps = caller.officeCode().map(applications::atOffice).orElse(Uni.createFrom().item(List.of()));
        } else {
            apps = applications.ofAccount(Access.accountOf(caller));
        }
        return apps.chain(list -> list.isEmpty() ? Uni.createFrom().item(List.<Summary>of())
                : applicants.ofApplications(list.stream().map(a -> a.id).toList()).map(people -> list.stream()
                        .map(a -> new Summary(a.id, a.status.name(), a.createdAt, a.submittedAt, a.officeCode,
                                a.appointmentDate, people.stream().filter(p -> p.applicationId.equals(a.id))
                                        .map(p -> p.fullName).toList()))
                        .toList()));
    }

    @WithSession
    public Uni<Detail> detail(UUID id, Caller caller) {
        return applications.findById(id).map(app -> Access.readable(app, caller)).chain(app -> applicants
                .ofApplication(app.id)
                .chain(people -> documents.ofApplicants(people.stream().map(p -> p.id).toList())
                        .chain(docs -> timeline.ofApplication(app.id).map(entries -> detail(app, people, docs,
                                entries)))));
    }

    @WithSession
    public Uni<RequirementsView> requirements(UUID id, Caller caller) {
        return applications.findById(id).map(app -> Access.readable(app, caller)).chain(app -> applicants
                .ofApplication(app.id)
                .chain(people -> documents.ofApplicants(people.stream().map(p -> p.id).toList()).map(docs -> {
                    LocalDate today = today();
                    List<ApplicantRequirements> out = new ArrayList<>();
                    Map<UUID, List<Requirements.Line>> lines = new HashMap<>();
                    for (Applicant p : people) {
                        List<Requirements.Line> l = Requirements.of(p, docs, today, config.adultAge());
                        lines.put(p.id, l);
                        out.add(new ApplicantRequirements(p.id, p.fullName, minor(p, today),
                                p.applicationType.name(), complete(l), l));
                    }
                    var limits = config.documents();
                    return new RequirementsView(app.id, new Limits(limits.acceptedTypes(), limits.maxBytes(),
                            limits.minImageWidth(), limits.minImageHeight()), out,
                            Requirements.blocking(people, lines).isEmpty());
                })));
    }

    private Detail detail(Application app, List<Applicant> people, List<ApplicantDocument> docs,
            List<TimelineEntry> entries) {
        LocalDate today = today();
        List<ApplicantView> views = new ArrayList<>();
        Map<UUID, List<Requirements.Line>> lines = new HashMap<>();
        for (Applicant p : people) {
            List<Requirements.Line> l = Requirements.of(p, docs, today, config.adultAge());
            lines.put(p.id, l);
            views.add(new ApplicantView(p.id, p.fullName, p.nik, p.birthDate, p.birthPlace, p.sex.name(),
                    p.motherName, p.address, p.phone, new Questionnaire(p.applicationType.name(),
                            p.passportKind.name(), p.validityYears, p.sameDayService, p.travelPurpose),
                    minor(p, today), new VerificationView(p.verification.name(), p.verificationCheckedAt,
                            p.verificationAttempts),
                    l, ApplicationViews.AuthorityView.of(p)));
        }
        Appointment appointment = app.officeCode == null ? null
                : new Appointment(app.holdId, app.officeCode, app.appointmentDate, app.appointmentSession);
        Billing billing = app.billingCode == null ? null
                : new Billing(app.billingCode, app.billingAmount, app.billingExpiresAt, app.billingStatus,
                        app.billingPaidAt);
        List<TimelineView> history = entries.stream()
                .map(e -> new TimelineView(e.kind, e.status, e.occurredAt, parse(e.details))).toList();
        return new Detail(app.id, app.status.name(), app.createdAt, app.updatedAt, app.submittedAt, app.cancelledAt,
                appointment, billing, views, Requirements.blocking(people, lines).isEmpty(), history,
                booking(people));
    }

    private static ApplicationViews.Booking booking(List<Applicant> people) {
        BookingNeed need = BookingNeed.of(people);
        return new ApplicationViews.Booking(need.service(), need.passportKind());
    }

    private boolean minor(Applicant p, LocalDate today) {
        return DocumentRequirements.isMinor(p.birthDate, today, config.adultAge());
    }

    private static boolean complete(List<Requirements.Line> lines) {
        return lines.stream().allMatch(l -> !l.required() || l.state() == DocumentState.ACCEPTED);
    }

    private JsonNode parse(String details) {
        try {
            return json.readTree(details);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    private LocalDate today() {
        return LocalDate.now(config.timeZone());
    }
}
