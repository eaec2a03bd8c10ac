package id.go.imigrasi.mpaspor.application.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.Verification;
import id.go.imigrasi.mpaspor.application.mail.ApplicantMails;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.dukcapil.DukcapilGateway;
import id.go.imigrasi.mpaspor.application.dukcapil.IdentityMatch;
import id.go.imigrasi.mpaspor.application.dukcapil.DukcapilAnswer;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import id.go.imigrasi.mpaspor.contracts.application.ApplicantVerificationCompleted;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Asks Dukcapil again for every applicant left "verification pending" (scheduled by {@code jobs.NikRecheckJob}).
 * Each answer is stored with ApplicantVerificationCompleted (outbox) and a timeline entry in one transaction; a NIK
 * Dukcapil does not know also mails the applicant. Still no answer: the applicant stays pending for the next run.
 * Runs on every instance; an applicant is updated under its row lock and only while still pending, so two runs
 * never record it twice.
 */
@ApplicationScoped
public class NikRecheck {

    private final ApplicantRepository applicants;
    private final ApplicationRepository applications;
    private final DukcapilGateway dukcapil;
    private final Outbox outbox;
    private final Timeline timeline;
    private final ApplicantMails mails;
    private final ApplicationConfig config;
    private final CollectiveBatches collective;

    public NikRecheck(ApplicantRepository applicants, ApplicationRepository applications, DukcapilGateway dukcapil,
            Outbox outbox, Timeline timeline, ApplicantMails mails, ApplicationConfig config,
            CollectiveBatches collective) {
        this.collective = collective;
        this.applicants = applicants;
        this.applications = applications;
        this.dukcapil = dukcapil;
        this.outbox = outbox;
        this.timeline = timeline;
        this.mails = mails;
        this.config = config;
    }

    /** One run: returns how many pending applicants got Dukcapil's answer. */
    public Uni<Integer> recheckDue() {
        Instant before = Instant.now().minus(config.dukcapil().recheckAfter());
        return Panache.withSession(() -> applicants.pendingVerification(before, config.dukcapil().recheckBatch()))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(a -> recheck(a.id, a.nik))
                        .collect().asList())
                .map(settled -> (int) settled.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> recheck(UUID applicantId, String nik) {
        return OnContext.resume(dukcapil.lookup(nik)).chain(answer -> Panache.withTransaction(
                () -> applicants.findById(applicantId, LockModeType.PESSIMISTIC_WRITE).chain(a -> {
                    if (a == null || a.verification != Verification.VERIFICATION_PENDING || !a.nik.equals(nik)) {
                        return Uni.createFrom().item(false);
                    }
                    Instant now = Instant.now();
                    a.verificationAttempts++;
                    a.verificationCheckedAt = now;
                    Verification result = answer.verificationFor(IdentityMatch.Claimed.by(a));
                    if (result == Verification.VERIFICATION_PENDING) {
                        return Uni.createFrom().item(false);
                    }
                    a.verification = result;
                    return outbox.append(new ApplicantVerificationCompleted(a.applicationId.toString(),
                            a.id.toString(), result.name(), a.verificationAttempts, now))
                            .chain(eventId -> timeline.record(a.applicationId, eventId.toString(),
                                    "NIK_" + result.name(), now, null,
                                    Map.of("applicantId", a.id.toString(), "result", result.name())))
                            .chain(() -> result == Verification.VERIFIED ? Uni.createFrom().voidItem()
                                    : applications.findById(a.applicationId).chain(app -> mails.queue(app,
                                            ApplicantMails.Kind.NIK_NOT_VERIFIED, a.fullName)))
                            // a collective batch's member: verified or refused, the batch may ask for its places
                            .chain(() -> collective.verificationSettled(a.applicationId, result))
                            .replaceWith(true);
                })));
    }
}
