package id.go.imigrasi.mpaspor.application.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.Applicant;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.domain.BookingNeed;
import id.go.imigrasi.mpaspor.application.domain.Hold;
import id.go.imigrasi.mpaspor.application.domain.Verification;
import id.go.imigrasi.mpaspor.application.repository.ApplicantDocumentRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.application.repository.HoldRepository;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.contracts.application.SubmittedApplicant;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Submitting and cancelling. Submission checks, under the application's row lock: every applicant verified and
 * every required document accepted (all gaps listed at once), then the quota hold as quota.events announced it:
 * known (else 409 with Retry-After: the SlotHeld event is on its way), the caller's, unused, not expired or
 * released, covering every applicant's NIK, and of the passport kind and service line the applicants need
 * ({@link BookingNeed}). ApplicationSubmitted then leaves through the outbox in the same
 * transaction. Cancelling is possible until payment and publishes ApplicationCancelled.
 */
@ApplicationScoped
public class Submissions {

    private final ApplicationRepository applications;
    private final ApplicantRepository applicants;
    private final ApplicantDocumentRepository documents;
    private final HoldRepository holds;
    private final Outbox outbox;
    private final Timeline timeline;
    private final ApplicationConfig config;

    public Submissions(ApplicationRepository applications, ApplicantRepository applicants,
            ApplicantDocumentRepository documents, HoldRepository holds, Outbox outbox, Timeline timeline,
            ApplicationConfig config) {
        this.applications = applications;
        this.applicants = applicants;
        this.documents = documents;
        this.holds = holds;
        this.outbox = outbox;
        this.timeline = timeline;
        this.config = config;
    }

    public Uni<Application> submit(UUID applicationId, String holdId, Caller caller) {
        if (holdId == null || holdId.isBlank()) {
            throw ProblemException.invalid("holdId", "validation.required");
        }
        return Panache.withTransaction(() -> applications.lock(applicationId).map(app -> Access.owned(app, caller))
                .chain(app -> {
                    if (app.status == ApplicationStatus.SUBMITTED && holdId.equals(app.holdId)) {
                        return Uni.createFrom().item(app); // a retried request: already done
                    }
                    if (app.status != ApplicationStatus.DRAFT) {
                        throw ProblemException.of(ApplicationProblem.NOT_EDITABLE, app.status.name());
                    }
                    return applicants.ofApplication(app.id).chain(people -> documents
                            .ofApplicants(people.stream().map(a -> a.id).toList())
                            .chain(docs -> {
                                LocalDate today = LocalDate.now(config.timeZone());
                                Map<UUID, List<Requirements.Line>> lines = new HashMap<>();
                                for (Applicant a : people) {
                                    lines.put(a.id, Requirements.of(a, docs, today, config.adultAge()));
                                }
                                List<FieldError> blocking = Requirements.blocking(people, lines);
                                if (!blocking.isEmpty()) {
                                    throw new ProblemException(ApplicationProblem.SUBMISSION_INCOMPLETE,
                                            List.of(blocking.size()), blocking, null);
                                }
                                return holds.lock(holdId).chain(hold -> submitWith(app, people, caller, checked(hold, holdId,
                                        app, people)));
                            }));
                }));
    }

    /**
     * Submits a collective batch's member application (CollectiveBatches, in the inbox transaction of the member's
     * SlotHeld) with the hold quota-service took for it: the applicant verified, then the same hold checks and the
     * same ApplicationSubmitted as {@link #submit}. Not the document checklist: the officer team checks a batch's
     * original documents in person at the collective visit (the people do not upload them). A repeat is a no-op.
     */
    public Uni<Application> submitForBatch(UUID applicationId, String holdId) {
        return applications.lock(applicationId).chain(app -> {
            if (app == null) {
                throw ProblemException.of(ApplicationProblem.APPLICATION_NOT_FOUND);
            }
            if (app.status == ApplicationStatus.SUBMITTED && holdId.equals(app.holdId)) {
                return Uni.createFrom().item(app);
            }
            if (app.status != ApplicationStatus.DRAFT) {
                throw ProblemException.of(ApplicationProblem.NOT_EDITABLE, app.status.name());
            }
            return applicants.ofApplication(app.id).chain(people -> {
                List<FieldError> unverified = new ArrayList<>();
                for (int i = 0; i < people.size(); i++) {
                    if (people.get(i).verification != Verification.VERIFIED) {
                        unverified.add(FieldError.of("applicants[" + i + "].nik", "submission.verification-pending",
                                people.get(i).fullName));
                    }
                }
                if (people.isEmpty() || !unverified.isEmpty()) {
                    throw new ProblemException(ApplicationProblem.SUBMISSION_INCOMPLETE,
                            List.of(Math.max(1, unverified.size())), unverified, null);
                }
                // no caller: the batch's registration is the step (its officer is on the batch, not on this submission)
                return holds.lock(holdId).chain(hold -> submitWith(app, people, new Caller(null), checked(hold,
                        holdId, app, people)));
            });
        });
    }

    private Hold checked(Hold hold, String holdId, Application app, List<Applicant> people) {
        if (hold == null) {
            throw ProblemException.retryLater(ApplicationProblem.HOLD_NOT_YET_KNOWN, config.holdRetryAfter(), holdId);
        }
        if (!hold.accountId.equals(app.accountId.toString())
                || (hold.applicationId != null && !hold.applicationId.equals(app.id))) {
            throw ProblemException.of(ApplicationProblem.HOLD_NOT_YOURS, holdId);
        }
        if (hold.releasedAt != null || !hold.expiresAt.isAfter(Instant.now())) {
            throw ProblemException.of(ApplicationProblem.HOLD_EXPIRED, holdId);
        }
        List<String> niks = hold.nikList();
        List<FieldError> uncovered = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            if (!niks.contains(people.get(i).nik)) {
                uncovered.add(FieldError.of("applicants[" + i + "].nik", "submission.nik-not-in-hold",
                        people.get(i).fullName));
            }
        }
        if (!uncovered.isEmpty()) {
            throw new ProblemException(ApplicationProblem.HOLD_DOES_NOT_COVER, List.of(holdId), uncovered, null);
        }
        List<FieldError> kind = BookingNeed.passportKindMisfits(people, hold.passportKind);
        if (!kind.isEmpty()) {
            throw new ProblemException(ApplicationProblem.HOLD_PASSPORT_KIND_MISMATCH, List.of(holdId), kind, null);
        }
        List<FieldError> line = BookingNeed.serviceLineMisfits(people, hold.service);
        if (!line.isEmpty()) {
            throw new ProblemException(ApplicationProblem.HOLD_SERVICE_LINE_MISMATCH, List.of(holdId,
                    hold.service == null ? BookingNeed.REGULAR : hold.service), line, null);
        }
        return hold;
    }

    private Uni<Application> submitWith(Application app, List<Applicant> people, Caller caller, Hold hold) {
        Instant now = Instant.now();
        hold.applicationId = app.id;
        app.advanceTo(ApplicationStatus.SUBMITTED);
        app.holdId = hold.holdId;
        app.submittedAt = now;
        app.appointment(hold.officeCode, hold.date, hold.session, now);
        List<SubmittedApplicant> submitted = people.stream().map(a -> new SubmittedApplicant(a.id.toString(),
                a.fullName, a.nik, a.birthDate, a.passportKind.name(), a.validityYears, a.sameDayService)).toList();
        return outbox.append(new ApplicationSubmitted(app.id.toString(), app.accountId.toString(), hold.holdId,
                hold.officeCode, hold.date, hold.session, submitted, now,
                hold.service == null ? BookingNeed.REGULAR : hold.service))
                .chain(eventId -> timeline.record(app.id, eventId.toString(), "SUBMITTED", now,
                        ApplicationStatus.SUBMITTED, DeskAssistance.recorded(caller, ApplicationFollower.details(
                                "holdId", hold.holdId, "officeCode", hold.officeCode, "date", hold.date, "session",
                                hold.session, "service", hold.service))))
                .replaceWith(app);
    }

    public Uni<Application> cancel(UUID applicationId, Caller caller) {
        return Panache.withTransaction(() -> applications.lock(applicationId).map(app -> Access.owned(app, caller))
                .chain(app -> {
                    if (app.status == ApplicationStatus.CANCELLED) {
                        return Uni.createFrom().item(app);
                    }
                    if (!app.status.cancellable() || app.status.finished()) {
                        throw ProblemException.of(ApplicationProblem.NOT_CANCELLABLE, app.status.name());
                    }
                    Instant now = Instant.now();
                    app.advanceTo(ApplicationStatus.CANCELLED);
                    app.cancelledAt = now;
                    return applicants.deactivate(app.id)
                            .chain(() -> outbox.append(new ApplicationCancelled(app.id.toString(),
                                    app.accountId.toString(), app.holdId, "APPLICANT_REQUEST", now)))
                            .chain(eventId -> timeline.record(app.id, eventId.toString(), "CANCELLED", now,
                                    ApplicationStatus.CANCELLED, ApplicationFollower.details("holdId", app.holdId)))
                            .replaceWith(app);
                }));
    }
}
