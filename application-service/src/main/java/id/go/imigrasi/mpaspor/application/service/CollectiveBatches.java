package id.go.imigrasi.mpaspor.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.Applicant;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.domain.CollectiveBatch;
import id.go.imigrasi.mpaspor.application.domain.CollectiveMember;
import id.go.imigrasi.mpaspor.application.domain.CollectiveOutcome;
import id.go.imigrasi.mpaspor.application.domain.Verification;
import id.go.imigrasi.mpaspor.application.dukcapil.DukcapilGateway;
import id.go.imigrasi.mpaspor.application.dukcapil.IdentityMatch;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.application.repository.CollectiveBatchRepository;
import id.go.imigrasi.mpaspor.application.repository.CollectiveMemberRepository;
import id.go.imigrasi.mpaspor.contracts.application.CollectiveBatchRegistered;
import id.go.imigrasi.mpaspor.contracts.quota.CollectiveBatchRefused;
import id.go.imigrasi.mpaspor.contracts.quota.SlotHeld;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The collective service ("Eazy Passport", issue 19): an officer registers a batch of people for a visit of their
 * own office, each person becomes an application of its own, and the batch takes its places from the office's
 * walk-in line in one piece.
 * <ol>
 * <li>{@link #register}: the batch is checked as a form ({@link CollectiveForm}, 400 by field), no NIK may be in an
 * active application (422 by field), then every NIK is asked of Dukcapil as an applicant's is. In one transaction:
 * the batch, one DRAFT application per person (owned by the batch: its {@code account_id} is its own id, which no
 * token carries; its mail address the coordinator's; its office the batch's), its applicant and its member row. A
 * person Dukcapil refuses is REFUSED with the reason and its application CANCELLED (the NIK stays free); one Dukcapil
 * did not answer for stays CHECKING and is asked again by the NIK re-check ({@link #verificationSettled}). Once
 * no member waits for Dukcapil, CollectiveBatchRegistered (the verified members) leaves through the outbox.</li>
 * <li>quota-service answers with one SlotHeld per member ({@code accountId} = the member's application): after
 * {@link FollowQuota} keeps the hold, {@link #held} submits the member's application with it
 * ({@link Submissions#submitForBatch}: ApplicationSubmitted, then the saga as for anyone). Or it answers
 * CollectiveBatchRefused ({@link #refused}): every waiting member is REFUSED and its application CANCELLED.</li>
 * </ol>
 * Readers: admins and the officers of the batch's office ({@link #view}; other offices 404); the members'
 * applications are read by the same officers through {@link Access#readable} (their office is set at creation).
 */
@ApplicationScoped
public class CollectiveBatches {

    private static final Logger LOG = Logger.getLogger(CollectiveBatches.class);
    /** A member whose hold its application refused at submission (see the log). */
    static final String SUBMISSION_REFUSED = "SUBMISSION_REFUSED";

    private final CollectiveBatchRepository batches;
    private final CollectiveMemberRepository members;
    private final ApplicationRepository applications;
    private final ApplicantRepository applicants;
    private final DukcapilGateway dukcapil;
    private final Submissions submissions;
    private final Timeline timeline;
    private final Outbox outbox;
    private final ApplicationConfig config;

    public CollectiveBatches(CollectiveBatchRepository batches, CollectiveMemberRepository members,
            ApplicationRepository applications, ApplicantRepository applicants, DukcapilGateway dukcapil,
            Submissions submissions, Timeline timeline, Outbox outbox, ApplicationConfig config) {
        this.batches = batches;
        this.members = members;
        this.applications = applications;
        this.applicants = applicants;
        this.dukcapil = dukcapil;
        this.submissions = submissions;
        this.timeline = timeline;
        this.outbox = outbox;
        this.config = config;
    }

    /** A batch and its members, as read. */
    public record Read(CollectiveBatch batch, List<CollectiveMember> members, Map<UUID, ApplicationStatus> statuses) {
    }

    /**
     * Registers the batch for the officer's own office (an officer without one: 403). A retry with the same
     * Idempotency-Key and the same batch answers the batch it created; with another batch 422.
     */
    public Uni<CollectiveBatch> register(CollectiveBatchRequest request, String idempotencyKey, Caller caller) {
        String office = caller.hasRole(Roles.OFFICER) ? caller.officeCode().filter(o -> !o.isBlank()).orElse(null)
                : null;
        if (office == null) {
            throw ProblemException.of(CommonProblem.FORBIDDEN);
        }
        String officer = caller.accountId();
        LocalDate today = LocalDate.now(config.timeZone());
        CollectiveForm.Checked checked = CollectiveForm.check(request, today, config.collective().maxMembers(),
                config.adultAge(), config.minorMaxValidityYears());
        String fingerprint = fingerprint(office, checked);
        Uni<CollectiveBatch> earlier = idempotencyKey == null ? Uni.createFrom().nullItem()
                : Panache.withSession(() -> batches.byKey(officer, idempotencyKey));
        return earlier.chain(existing -> {
            if (existing != null) {
                if (!fingerprint.equals(existing.requestFingerprint)) {
                    throw ProblemException.of(ApplicationProblem.IDEMPOTENCY_KEY_REUSED);
                }
                return Uni.createFrom().item(existing);
            }
            List<String> niks = checked.people().stream().map(a -> a.nik).toList();
            return Panache.withSession(() -> applicants.activeNiks(niks)).chain(active -> {
                List<FieldError> taken = CollectiveForm.nikConflicts(checked.people(), active);
                if (!taken.isEmpty()) {
                    throw new ProblemException(ApplicationProblem.COLLECTIVE_NIK_IN_ACTIVE_APPLICATION, List.of(),
                            taken, null);
                }
                return verifyAll(checked.people());
            }).chain(verdicts -> Panache.withTransaction(() -> store(office, officer, checked, verdicts,
                    idempotencyKey, fingerprint)))
                    .onFailure(Applications::isNikConflict)
                    .transform(e -> ProblemException.of(ApplicationProblem.COLLECTIVE_NIK_IN_ACTIVE_APPLICATION));
        });
    }

    /** Dukcapil's verdict for each person, one after the other (the gateway carries the fault tolerance). */
    private Uni<List<Verification>> verifyAll(List<Applicant> people) {
        return Multi.createFrom().iterable(people)
                .onItem().transformToUniAndConcatenate(a -> OnContext.resume(dukcapil.lookup(a.nik))
                        .map(answer -> answer.verificationFor(IdentityMatch.Claimed.by(a))))
                .collect().asList();
    }

    private Uni<CollectiveBatch> store(String office, String officer, CollectiveForm.Checked checked,
            List<Verification> verdicts, String idempotencyKey, String fingerprint) {
        Instant now = Instant.now();
        CollectiveBatch batch = new CollectiveBatch();
        batch.id = UUID.randomUUID();
        batch.officeCode = office;
        batch.officerId = officer;
        batch.organisation = checked.organisation();
        batch.contactName = checked.contactName();
        batch.contactEmail = checked.contactEmail();
        batch.contactPhone = checked.contactPhone();
        batch.visitDate = checked.date();
        batch.session = checked.session();
        batch.passportKind = checked.passportKind();
        batch.state = CollectiveBatch.State.CHECKING;
        batch.idempotencyKey = idempotencyKey;
        batch.requestFingerprint = fingerprint;
        batch.createdAt = now;
        batch.updatedAt = now;
        List<CollectiveMember> rows = new ArrayList<>();
        Uni<Void> chain = batches.persist(batch).replaceWithVoid();
        for (int i = 0; i < checked.people().size(); i++) {
            Applicant person = checked.people().get(i);
            Verification verdict = verdicts.get(i);
            int position = i + 1;
            chain = chain.chain(() -> member(batch, position, person, verdict, now)).invoke(rows::add)
                    .replaceWithVoid();
        }
        return chain.chain(() -> settle(batch, rows, now)).replaceWith(batch);
    }

    /** One person: the application, its applicant and the member row, refused at once if Dukcapil said so. */
    private Uni<CollectiveMember> member(CollectiveBatch batch, int position, Applicant person, Verification verdict,
            Instant now) {
        Application app = new Application();
        app.id = UUID.randomUUID();
        app.accountId = app.id; // owned by the batch: no applicant's token carries this id
        app.email = batch.contactEmail;
        app.officeCode = batch.officeCode;
        app.status = ApplicationStatus.DRAFT;
        app.statusRank = ApplicationStatus.DRAFT.rank();
        app.createdAt = now;
        app.updatedAt = now;
        boolean refused = verdict == Verification.NOT_REGISTERED || verdict == Verification.MISMATCH;
        person.id = UUID.randomUUID();
        person.applicationId = app.id;
        person.position = 1;
        person.verification = verdict;
        person.verificationCheckedAt = now;
        person.verificationAttempts = 1;
        person.active = !refused;
        person.createdAt = now;
        person.authorityDeclaredAt = now;
        CollectiveMember member = new CollectiveMember();
        member.batchId = batch.id;
        member.position = position;
        member.applicationId = app.id;
        member.fullName = person.fullName;
        member.nik = person.nik;
        member.state = verdict == Verification.VERIFIED ? CollectiveMember.State.VERIFIED
                : refused ? CollectiveMember.State.REFUSED : CollectiveMember.State.CHECKING;
        member.reason = refused ? reasonOf(verdict) : null;
        member.updatedAt = now;
        return applications.persist(app)
                .chain(() -> timeline.local(app.id, "CREATED", now, ApplicationStatus.DRAFT,
                        Map.of("collectiveBatchId", batch.id.toString(), "officeCode", batch.officeCode)))
                .chain(() -> applicants.persist(person))
                .chain(() -> members.persist(member))
                .chain(() -> refused ? cancel(app, member.reason, now) : Uni.createFrom().voidItem())
                .replaceWith(member);
    }

    /**
     * A pending member's Dukcapil answer came (the NIK re-check, in its transaction): the member is VERIFIED or
     * REFUSED, and the batch asks for its places once no member waits for Dukcapil any more. Not a batch's
     * application: nothing.
     */
    public Uni<Void> verificationSettled(UUID applicationId, Verification result) {
        return members.ofApplication(applicationId).chain(found -> {
            if (found == null) {
                return Uni.createFrom().voidItem();
            }
            return batches.lock(found.batchId).chain(batch -> members.ofBatch(batch.id).chain(rows -> {
                CollectiveMember member = rows.stream().filter(m -> m.applicationId.equals(applicationId))
                        .findFirst().orElseThrow();
                if (member.state != CollectiveMember.State.CHECKING) {
                    return Uni.createFrom().voidItem();
                }
                Instant now = Instant.now();
                member.updatedAt = now;
                Uni<Void> effect = Uni.createFrom().voidItem();
                if (result == Verification.VERIFIED) {
                    member.state = CollectiveMember.State.VERIFIED;
                } else {
                    member.state = CollectiveMember.State.REFUSED;
                    member.reason = reasonOf(result);
                    effect = applications.findById(applicationId).chain(app -> cancel(app, member.reason, now));
                }
                return effect.chain(() -> settle(batch, rows, now));
            }));
        });
    }

    /**
     * quota-service held a place for a member (its SlotHeld, already kept by {@link FollowQuota#held}, in the same
     * inbox transaction): the member's application is submitted with it. A hold of anyone else: nothing.
     */
    public Uni<Void> held(SlotHeld e) {
        UUID applicationId = uuidOrNull(e.accountId());
        if (applicationId == null) {
            return Uni.createFrom().voidItem();
        }
        // the hold FollowQuota kept a moment ago is written first, so submission finds and locks its row
        return Panache.flush().chain(() -> members.ofApplication(applicationId)).chain(found -> {
            if (found == null) {
                return Uni.createFrom().voidItem();
            }
            return batches.lock(found.batchId).chain(batch -> members.ofBatch(batch.id).chain(rows -> {
                CollectiveMember member = rows.stream().filter(m -> m.applicationId.equals(applicationId))
                        .findFirst().orElseThrow();
                if (member.state != CollectiveMember.State.VERIFIED) {
                    LOG.warnf("SlotHeld %s for collective member %s which is %s: not submitted", e.holdId(),
                            applicationId, member.state);
                    return Uni.createFrom().voidItem();
                }
                Instant now = Instant.now();
                return submissions.submitForBatch(applicationId, e.holdId()).invoke(() -> {
                    member.state = CollectiveMember.State.REGISTERED;
                    member.updatedAt = now;
                }).replaceWithVoid().onFailure(ProblemException.class).recoverWithUni(refusal -> {
                    // the hold does not fit the application (it ended, another line...): the member cannot be
                    // registered with it; the hold times out in quota-service
                    LOG.warnf("collective member %s not submitted with hold %s: %s", applicationId, e.holdId(),
                            ((ProblemException) refusal).type());
                    member.state = CollectiveMember.State.REFUSED;
                    member.reason = SUBMISSION_REFUSED;
                    member.updatedAt = now;
                    return applications.findById(applicationId).chain(app -> cancel(app, member.reason, now));
                }).chain(() -> settle(batch, rows, now));
            }));
        });
    }

    /** quota-service took none of the batch's places: every member still waiting is refused with its reason. */
    public Uni<Void> refused(CollectiveBatchRefused e) {
        UUID batchId = uuidOrNull(e.batchId());
        if (batchId == null) {
            return Uni.createFrom().voidItem();
        }
        return batches.lock(batchId).chain(batch -> {
            if (batch == null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now();
            batch.reason = e.reason();
            batch.remaining = e.remaining();
            return members.ofBatch(batch.id).chain(rows -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (CollectiveMember member : rows) {
                    if (member.state != CollectiveMember.State.VERIFIED) {
                        continue;
                    }
                    member.state = CollectiveMember.State.REFUSED;
                    member.reason = e.reason();
                    member.updatedAt = now;
                    chain = chain.chain(() -> applications.findById(member.applicationId)
                            .chain(app -> cancel(app, member.reason, now)));
                }
                return chain.chain(() -> settle(batch, rows, now));
            });
        });
    }

    /** The batch for an admin or an officer of its office; anyone else (another office): 404. */
    public Uni<Read> view(UUID batchId, Caller caller) {
        return Panache.withSession(() -> batches.findById(batchId).chain(batch -> {
            if (batch == null || !caller.hasRole(Roles.ADMIN)
                    && caller.officeCode().filter(batch.officeCode::equals).isEmpty()) {
                throw ProblemException.of(ApplicationProblem.COLLECTIVE_BATCH_NOT_FOUND);
            }
            return members.ofBatch(batch.id).chain(rows -> applications
                    .list("id in ?1", rows.stream().map(m -> m.applicationId).toList())
                    .map(apps -> {
                        Map<UUID, ApplicationStatus> statuses = new java.util.HashMap<>();
                        apps.forEach(a -> statuses.put(a.id, a.status));
                        return new Read(batch, rows, statuses);
                    }));
        }));
    }

    /**
     * The batch's state from its members, and its one CollectiveBatchRegistered (the verified members) once no
     * member waits for Dukcapil any more.
     */
    private Uni<Void> settle(CollectiveBatch batch, List<CollectiveMember> rows, Instant now) {
        List<CollectiveMember.State> states = rows.stream().map(m -> m.state).toList();
        batch.state = CollectiveOutcome.of(states);
        batch.updatedAt = now;
        if (batch.announcedAt != null || !CollectiveOutcome.readyForPlaces(states)) {
            return Uni.createFrom().voidItem();
        }
        batch.announcedAt = now;
        List<id.go.imigrasi.mpaspor.contracts.application.CollectiveMember> verified = rows.stream()
                .filter(m -> m.state == CollectiveMember.State.VERIFIED)
                .map(m -> new id.go.imigrasi.mpaspor.contracts.application.CollectiveMember(m.applicationId.toString(),
                        m.nik))
                .toList();
        return outbox.append(new CollectiveBatchRegistered(batch.id.toString(), batch.officeCode, batch.officerId,
                batch.visitDate, batch.session, batch.passportKind.name(), verified, now)).replaceWithVoid();
    }

    /** A refused member's application ends here: CANCELLED, its NIK free again (it was never announced). */
    private Uni<Void> cancel(Application app, String reason, Instant now) {
        if (app == null || !app.advanceTo(ApplicationStatus.CANCELLED)) {
            return Uni.createFrom().voidItem();
        }
        app.cancelledAt = now;
        return applicants.deactivate(app.id).chain(() -> timeline.local(app.id, "COLLECTIVE_REFUSED", now,
                ApplicationStatus.CANCELLED, Map.of("reason", reason)));
    }

    private static String reasonOf(Verification verdict) {
        return verdict == Verification.NOT_REGISTERED ? CollectiveMember.NIK_NOT_REGISTERED
                : CollectiveMember.DUKCAPIL_MISMATCH;
    }

    /** What a batch asked for: the same Idempotency-Key must come with the same batch. */
    private static String fingerprint(String office, CollectiveForm.Checked c) {
        StringBuilder canonical = new StringBuilder(String.join("|", office, c.organisation(), c.contactName(),
                c.contactEmail(), c.contactPhone(), c.date().toString(), c.session(), c.passportKind().name()));
        for (Applicant a : c.people()) {
            canonical.append('|').append(a.nik).append(',').append(a.fullName).append(',').append(a.birthDate);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
