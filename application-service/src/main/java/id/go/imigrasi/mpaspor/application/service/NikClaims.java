package id.go.imigrasi.mpaspor.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.config.NikClaimConfig;
import id.go.imigrasi.mpaspor.application.domain.Applicant;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.domain.Nik;
import id.go.imigrasi.mpaspor.application.domain.NikClaim;
import id.go.imigrasi.mpaspor.application.domain.Sex;
import id.go.imigrasi.mpaspor.application.dukcapil.DukcapilGateway;
import id.go.imigrasi.mpaspor.application.dukcapil.IdentityMatch;
import id.go.imigrasi.mpaspor.application.repository.ApplicantDocumentRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.application.repository.NikClaimRepository;
import id.go.imigrasi.mpaspor.application.sms.SmsGateway;
import id.go.imigrasi.mpaspor.contracts.application.ApplicantNikClaimed;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The owner of a NIK takes it back from another account's draft (issue 25: identity squatting). The claimant first
 * proves they know what the registry holds (name, birth place, sex, birth date: {@link IdentityMatch}), then that
 * they hold the mobile number Dukcapil registered with the NIK: a one-time code is sent there by SMS. The right
 * code, within its validity and attempts, removes the applicant from the other draft in one transaction with a
 * timeline entry on that draft and ApplicantNikClaimed (outbox); the owner then adds the applicant as usual. Where
 * no phone is registered, or the other application is already submitted, the claim is for the office (e-KTP
 * checked in person). Codes per NIK are limited in a window, so the owner's phone cannot be flooded; a code is
 * stored only as a hash; attempts are counted under the claim's row lock before the code is compared.
 */
@ApplicationScoped
public class NikClaims {

    private static final Logger LOG = Logger.getLogger(NikClaims.class);
    private static final int MAX_TEXT = 200;
    /** Timeline kind on the draft that lost its applicant. */
    public static final String RELEASED = "APPLICANT_RELEASED_BY_NIK_CLAIM";

    /** What a claim's confirmation found, decided inside its transaction and answered after it committed. */
    private enum Outcome {
        RELEASED, NOTHING_HELD, WRONG_CODE, CLOSED, AT_OFFICE
    }

    private record Confirmation(Outcome outcome, NikClaim claim) {
    }

    private final NikClaimRepository claims;
    private final ApplicantRepository applicants;
    private final ApplicationRepository applications;
    private final ApplicantDocumentRepository documents;
    private final DukcapilGateway dukcapil;
    private final SmsGateway sms;
    private final Outbox outbox;
    private final Timeline timeline;
    private final NikClaimConfig config;
    private final ApplicantsAnnouncer announcer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public NikClaims(NikClaimRepository claims, ApplicantRepository applicants, ApplicationRepository applications,
            ApplicantDocumentRepository documents, DukcapilGateway dukcapil, SmsGateway sms, Outbox outbox,
            Timeline timeline, NikClaimConfig config, ApplicantsAnnouncer announcer) {
        this.announcer = announcer;
        this.claims = claims;
        this.applicants = applicants;
        this.applications = applications;
        this.documents = documents;
        this.dukcapil = dukcapil;
        this.sms = sms;
        this.outbox = outbox;
        this.timeline = timeline;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** Starts a claim: checks, then sends the code to the registered number. Returns the claim (201). */
    public Uni<NikClaim> start(NikClaimRequest request, Caller caller) {
        UUID account = Access.accountOf(caller);
        IdentityMatch.Claimed claimed = checked(request);
        String nik = request.nik();
        Instant now = clock.instant();
        return Panache.withSession(() -> holder(nik).chain(held -> {
            if (held == null || held.app().accountId.equals(account)) {
                throw ProblemException.of(ApplicationProblem.NIK_NOT_CLAIMABLE);
            }
            if (held.app().status != ApplicationStatus.DRAFT) {
                throw ProblemException.of(ApplicationProblem.NIK_CLAIM_AT_OFFICE);
            }
            return claims.startedSince(nik, now.minus(config.window()));
        })).invoke(started -> {
            if (started >= config.maxPerNik()) {
                throw ProblemException.retryLater(ApplicationProblem.NIK_CLAIM_TOO_MANY, config.window(),
                        config.maxPerNik());
            }
        }).chain(() -> OnContext.resume(dukcapil.lookup(nik))).chain(answer -> {
            switch (answer.outcome()) {
                case UNAVAILABLE -> throw ProblemException.retryLater(ApplicationProblem.NIK_CLAIM_UNAVAILABLE,
                        config.retryAfter());
                case NOT_FOUND -> throw new ProblemException(ApplicationProblem.DUKCAPIL_REJECTED, List.of(),
                        List.of(FieldError.of("nik", "validation.nik-not-registered")), null);
                default -> {
                }
            }
            List<FieldError> mismatches = answer.mismatches(claimed);
            if (!mismatches.isEmpty()) {
                throw new ProblemException(ApplicationProblem.DUKCAPIL_REJECTED, List.of(), mismatches, null);
            }
            String phone = answer.record().phone();
            if (phone == null || phone.isBlank()) {
                throw ProblemException.of(ApplicationProblem.NIK_CLAIM_AT_OFFICE);
            }
            return create(nik, account, phone.trim(), now);
        });
    }

    private Uni<NikClaim> create(String nik, UUID account, String phone, Instant now) {
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        NikClaim claim = new NikClaim();
        claim.id = UUID.randomUUID();
        claim.nik = nik;
        claim.accountId = account;
        claim.codeHash = hash(claim.id, code);
        claim.sentTo = masked(phone);
        claim.createdAt = now;
        claim.expiresAt = now.plus(config.codeValidity());
        String text = "M-Paspor: kode " + code + " untuk memakai NIK ****" + nik.substring(12)
                + " dalam permohonan paspor. Berlaku " + config.codeValidity().toMinutes()
                + " menit. Jangan berikan kode ini kepada siapa pun. Bukan Anda? Abaikan pesan ini.";
        // stored first, so every code sent counts toward the NIK's limit even when the provider fails
        return Panache.withTransaction(() -> claims.persist(claim))
                .chain(() -> OnContext.resume(sms.send(phone, text)
                        .onFailure().transform(failure -> {
                            LOG.warnf("SMS provider failed for NIK claim %s: %s", claim.id, failure.toString());
                            return ProblemException.retryLater(ApplicationProblem.NIK_CLAIM_UNAVAILABLE,
                                    config.retryAfter());
                        })))
                .replaceWith(claim);
    }

    /** The code the claimant received: right, the other draft loses the applicant. */
    public Uni<Boolean> confirm(UUID claimId, String code, Caller caller) {
        UUID account = Access.accountOf(caller);
        if (code == null || !code.trim().matches("[0-9]{6}")) {
            throw ProblemException.invalid("code", "validation.claim-code-format");
        }
        return Panache.withTransaction(() -> claims.findById(claimId, LockModeType.PESSIMISTIC_WRITE).chain(claim -> {
            if (claim == null || !claim.accountId.equals(account)) {
                throw ProblemException.of(ApplicationProblem.NIK_CLAIM_NOT_FOUND);
            }
            Instant now = clock.instant();
            if (claim.confirmedAt != null || !now.isBefore(claim.expiresAt) || claim.attempts >= config.maxAttempts()) {
                return Uni.createFrom().item(new Confirmation(Outcome.CLOSED, claim));
            }
            claim.attempts++; // counted (and committed) before the code is compared
            if (!MessageDigest.isEqual(claim.codeHash.getBytes(StandardCharsets.US_ASCII),
                    hash(claim.id, code.trim()).getBytes(StandardCharsets.US_ASCII))) {
                return Uni.createFrom().item(new Confirmation(Outcome.WRONG_CODE, claim));
            }
            return release(claim, now).map(outcome -> new Confirmation(outcome, claim));
        })).map(done -> switch (done.outcome()) {
            case RELEASED -> true;
            case NOTHING_HELD -> false;
            case WRONG_CODE -> throw new ProblemException(ApplicationProblem.NIK_CLAIM_CODE_WRONG,
                    List.of(config.maxAttempts() - done.claim().attempts), List.of(
                            FieldError.of("code", "validation.claim-code-wrong")), null);
            case CLOSED -> throw ProblemException.of(ApplicationProblem.NIK_CLAIM_CLOSED);
            case AT_OFFICE -> throw ProblemException.of(ApplicationProblem.NIK_CLAIM_AT_OFFICE);
        });
    }

    /** In the claim's transaction: the other draft loses the applicant (its documents with it). */
    private Uni<Outcome> release(NikClaim claim, Instant now) {
        return holder(claim.nik).chain(held -> {
            if (held == null || held.app().accountId.equals(claim.accountId)) {
                claim.confirmedAt = now;
                return Uni.createFrom().item(Outcome.NOTHING_HELD);
            }
            return applications.lock(held.app().id).chain(app -> {
                if (app.status != ApplicationStatus.DRAFT) {
                    return Uni.createFrom().item(Outcome.AT_OFFICE); // submitted meanwhile: the office decides
                }
                Applicant lost = held.applicant();
                claim.confirmedAt = now;
                claim.releasedApplicantId = lost.id;
                claim.releasedApplicationId = app.id;
                app.updatedAt = now;
                return documents.deleteOfApplicant(lost.id)
                        .chain(() -> applicants.delete(lost))
                        .call(() -> announcer.announce(app)) // quota's projection: the NIK left this draft
                        .chain(() -> outbox.append(new ApplicantNikClaimed(app.id.toString(),
                                app.accountId.toString(), lost.id.toString(), claim.nik, now)))
                        .chain(eventId -> timeline.record(app.id, eventId.toString(), RELEASED, now, null,
                                Map.of("applicantId", lost.id.toString(), "fullName", lost.fullName)))
                        .invoke(() -> LOG.infof("NIK claim %s: applicant %s removed from draft %s", claim.id,
                                lost.id, app.id))
                        .replaceWith(Outcome.RELEASED);
            });
        });
    }

    private record Held(Applicant applicant, Application app) {
    }

    private Uni<Held> holder(String nik) {
        return applicants.find("nik = ?1 and active = true", nik).firstResult()
                .chain(a -> a == null ? Uni.createFrom().<Held>nullItem()
                        : applications.findById(a.applicationId).map(app -> new Held(a, app)));
    }

    private static IdentityMatch.Claimed checked(NikClaimRequest r) {
        if (r == null) {
            throw ProblemException.invalid("", "validation.required");
        }
        List<FieldError> errors = new ArrayList<>();
        text(errors, "fullName", r.fullName());
        text(errors, "birthPlace", r.birthPlace());
        Sex sex = null;
        if (r.sex() == null || r.sex().isBlank()) {
            errors.add(FieldError.of("sex", "validation.required"));
        } else {
            try {
                sex = Sex.valueOf(r.sex().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("sex", "validation.sex-value"));
            }
        }
        if (r.birthDate() == null) {
            errors.add(FieldError.of("birthDate", "validation.required"));
        }
        if (r.nik() == null || r.nik().isBlank()) {
            errors.add(FieldError.of("nik", "validation.required"));
        } else {
            for (Nik.Violation v : Nik.check(r.nik(), r.birthDate(), sex)) {
                errors.add(FieldError.of(v.field(), v.code()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new IdentityMatch.Claimed(r.fullName().trim(), r.birthDate(), r.birthPlace().trim(), sex);
    }

    private static void text(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "validation.required"));
        } else if (value.length() > MAX_TEXT) {
            errors.add(FieldError.of(field, "validation.too-long", MAX_TEXT));
        }
    }

    /** {@code 081234567890} shows as {@code 0812*****890}: enough for the owner to recognise, not to learn. */
    static String masked(String phone) {
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 4) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 3);
    }

    private static String hash(UUID claimId, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((claimId + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For the answer: how long the code is valid. */
    public Duration codeValidity() {
        return config.codeValidity();
    }
}
