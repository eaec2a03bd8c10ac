package id.go.imigrasi.mpaspor.application.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.Applicant;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.domain.Verification;
import id.go.imigrasi.mpaspor.application.dukcapil.DukcapilAnswer;
import id.go.imigrasi.mpaspor.application.dukcapil.DukcapilGateway;
import id.go.imigrasi.mpaspor.application.dukcapil.IdentityMatch;
import id.go.imigrasi.mpaspor.application.repository.ApplicantDocumentRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Creating an application and managing its applicants while it is a draft. Every applicant is checked as a
 * form first (ApplicantForm), then against Dukcapil (an unknown NIK is refused; no answer means "verification
 * pending"), then stored under two database guarantees: the application row is locked while its applicants are
 * counted (at most {@code max-applicants}), and the partial unique index {@code applicant_one_active_nik} keeps
 * one NIK in one active application, whatever the number of concurrent requests.
 */
@ApplicationScoped
public class Applications {

    private static final Logger LOG = Logger.getLogger(Applications.class);
    static final String ONE_ACTIVE_NIK = "applicant_one_active_nik";

    private final ApplicationRepository applications;
    private final ApplicantRepository applicants;
    private final ApplicantDocumentRepository documents;
    private final DukcapilGateway dukcapil;
    private final Timeline timeline;
    private final ApplicationConfig config;
    private final ApplicantsAnnouncer announcer;

    public Applications(ApplicationRepository applications, ApplicantRepository applicants,
            ApplicantDocumentRepository documents, DukcapilGateway dukcapil, Timeline timeline, ApplicationConfig config,
            ApplicantsAnnouncer announcer) {
        this.announcer = announcer;
        this.applications = applications;
        this.applicants = applicants;
        this.documents = documents;
        this.dukcapil = dukcapil;
        this.timeline = timeline;
        this.config = config;
    }

    public Uni<Application> create(Caller caller) {
        UUID account = Access.accountOf(caller);
        String email = caller.email();
        return Panache.withTransaction(() -> {
            Instant now = Instant.now();
            Application app = new Application();
            app.id = UUID.randomUUID();
            app.accountId = account;
            app.email = email != null && email.contains("@") ? email : null;
            app.status = ApplicationStatus.DRAFT;
            app.statusRank = ApplicationStatus.DRAFT.rank();
            app.createdAt = now;
            app.updatedAt = now;
            return applications.persist(app)
                    .chain(() -> timeline.local(app.id, "CREATED", now, ApplicationStatus.DRAFT,
                            DeskAssistance.recorded(caller, Map.of())))
                    .replaceWith(app);
        });
    }

    public Uni<Applicant> addApplicant(UUID applicationId, ApplicantRequest request, Caller caller) {
        Applicant draft = new Applicant();
        ApplicantForm.apply(request, draft, today(), config.adultAge(), config.minorMaxValidityYears());
        return Panache.withSession(() -> applications.findById(applicationId).map(app -> Access.editable(app, caller)))
                .chain(() -> verify(draft))
                .chain(verification -> Panache.withTransaction(() -> applications.lock(applicationId)
                        .map(app -> Access.editable(app, caller))
                        .chain(app -> applicants.ofApplication(app.id).chain(existing -> {
                            if (existing.size() >= config.maxApplicants()) {
                                throw ProblemException.of(ApplicationProblem.APPLICANT_LIMIT, config.maxApplicants());
                            }
                            Instant now = Instant.now();
                            draft.id = UUID.randomUUID();
                            draft.applicationId = app.id;
                            draft.position = existing.stream().mapToInt(a -> a.position).max().orElse(0) + 1;
                            draft.verification = verification;
                            draft.verificationCheckedAt = now;
                            draft.verificationAttempts = 1;
                            draft.active = true;
                            draft.createdAt = now;
                            draft.authorityDeclaredAt = now;
                            return applicants.persistAndFlush(draft).call(() -> announcer.announce(app));
                        }))))
                .onFailure(Applications::isNikConflict)
                .transform(e -> ProblemException.of(ApplicationProblem.NIK_IN_ACTIVE_APPLICATION));
    }

    public Uni<Applicant> updateApplicant(UUID applicationId, UUID applicantId, ApplicantRequest request,
            Caller caller) {
        Applicant form = new Applicant();
        ApplicantForm.apply(request, form, today(), config.adultAge(), config.minorMaxValidityYears());
        return Panache.withSession(() -> applications.findById(applicationId).map(app -> Access.editable(app, caller))
                .chain(app -> applicants.findById(applicantId)).map(a -> inApplication(a, applicationId)))
                .chain(before -> identityChanged(before, form) || before.verification != Verification.VERIFIED
                        ? verify(form)
                        : Uni.createFrom().<Verification>nullItem())
                .chain(reverified -> Panache.withTransaction(() -> applications.lock(applicationId)
                        .map(app -> Access.editable(app, caller))
                        .chain(app -> applicants.findById(applicantId)
                        .map(a -> inApplication(a, applicationId))
                        .chain(a -> {
                            boolean nikChanged = !a.nik.equals(form.nik);
                            copy(form, a);
                            a.authorityDeclaredAt = Instant.now();
                            if (reverified != null) {
                                a.verification = reverified;
                                a.verificationCheckedAt = Instant.now();
                                a.verificationAttempts = 1;
                            }
                            return applicants.persistAndFlush(a)
                                    .call(() -> nikChanged ? announcer.announce(app) : Uni.createFrom().voidItem());
                        }))))
                .onFailure(Applications::isNikConflict)
                .transform(e -> ProblemException.of(ApplicationProblem.NIK_IN_ACTIVE_APPLICATION));
    }

    public Uni<Void> removeApplicant(UUID applicationId, UUID applicantId, Caller caller) {
        return Panache.withTransaction(() -> applications.lock(applicationId)
                .map(app -> Access.editable(app, caller))
                .chain(app -> applicants.findById(applicantId)
                        .map(a -> inApplication(a, applicationId))
                        .chain(a -> documents.deleteOfApplicant(a.id).chain(() -> applicants.delete(a)))
                        .chain(() -> announcer.announce(app))));
    }

    /**
     * Dukcapil's verdict for the applicant: VERIFIED (name, birth place, sex and birth date agree with the
     * registry, {@link IdentityMatch}) or VERIFICATION_PENDING (no answer in time); an unknown NIK or other
     * registered data is refused here, with a field error per field to correct.
     */
    private Uni<Verification> verify(Applicant entered) {
        IdentityMatch.Claimed claimed = IdentityMatch.Claimed.by(entered);
        return OnContext.resume(dukcapil.lookup(entered.nik)).map(answer -> {
            Verification v = answer.verificationFor(claimed);
            if (v == Verification.NOT_REGISTERED) {
                throw new ProblemException(ApplicationProblem.DUKCAPIL_REJECTED, List.of(),
                        List.of(FieldError.of("nik", "validation.nik-not-registered")), null);
            }
            if (v == Verification.MISMATCH) {
                throw new ProblemException(ApplicationProblem.DUKCAPIL_REJECTED, List.of(), answer.mismatches(claimed),
                        null);
            }
            if (answer.outcome() == DukcapilAnswer.Outcome.UNAVAILABLE) {
                LOG.infof("Dukcapil did not answer (%s): applicant continues as verification pending", answer.failure());
            }
            return v;
        });
    }

    /** Whether a correction touches what Dukcapil confirmed (then it is asked again). */
    private static boolean identityChanged(Applicant before, Applicant after) {
        return !before.nik.equals(after.nik) || !before.birthDate.equals(after.birthDate)
                || !before.fullName.equals(after.fullName) || !before.birthPlace.equals(after.birthPlace)
                || before.sex != after.sex;
    }

    private static Applicant inApplication(Applicant a, UUID applicationId) {
        if (a == null || !a.applicationId.equals(applicationId)) {
            throw ProblemException.of(ApplicationProblem.APPLICANT_NOT_FOUND);
        }
        return a;
    }

    private static void copy(Applicant from, Applicant to) {
        to.fullName = from.fullName;
        to.nik = from.nik;
        to.birthDate = from.birthDate;
        to.birthPlace = from.birthPlace;
        to.sex = from.sex;
        to.motherName = from.motherName;
        to.address = from.address;
        to.phone = from.phone;
        to.applicationType = from.applicationType;
        to.passportKind = from.passportKind;
        to.validityYears = from.validityYears;
        to.sameDayService = from.sameDayService;
        to.travelPurpose = from.travelPurpose;
        to.authority = from.authority;
    }

    private LocalDate today() {
        return LocalDate.now(config.timeZone());
    }

    /** The partial unique index refused a second active row for the NIK (PostgreSQL 23505 on it). */
    static boolean isNikConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(ONE_ACTIVE_NIK)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
