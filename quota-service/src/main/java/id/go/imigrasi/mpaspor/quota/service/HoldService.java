package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.problem.ProblemType;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.domain.Hold;
import id.go.imigrasi.mpaspor.quota.domain.HoldStatus;
import id.go.imigrasi.mpaspor.quota.domain.Office;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.repository.CapacityRepository;
import id.go.imigrasi.mpaspor.quota.repository.HoldRepository;
import id.go.imigrasi.mpaspor.quota.repository.OfficeRepository;
import id.go.imigrasi.mpaspor.quota.repository.SlotTaker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Placing a hold: the booking rule lives here and in the statement it runs ({@link SlotTaker}).
 * <ol>
 * <li>check the request (service line bookable online, applicants, duplicate NIKs) and the date against the
 * office's today, without the database (offices and their zones are kept in memory);</li>
 * <li>hand the hold to the {@link HoldCombiner}: one statement, its own transaction, locks the capacity row, grants
 * what fits (and only holds whose NIKs are all applicants of the account's applications), stores the
 * Idempotency-Key, inserts the holds, binds their NIKs (the unique partial indexes refuse a second active hold of the
 * account and a second active slot of a NIK, whatever the concurrency) and writes SlotHeld to the outbox;</li>
 * <li>only if the hold was not granted (or refused by an index): first look for the hold this very request created
 * before (a retry), then say precisely why: a NIK not an applicant of the account ({@link ApplicantsRule}), the slot
 * full or not bookable.</li>
 * </ol>
 * Any refusal leaves nothing behind: the statement is atomic.
 */
@ApplicationScoped
public class HoldService {

    private final OfficeRepository offices;
    private final CapacityRepository capacities;
    private final HoldRepository holds;
    private final SlotTaker taker;
    private final HoldCombiner combiner;
    private final ApplicantsRule applicantsRule;
    private final QuotaConfig config;
    private final Clock clock;
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    public HoldService(OfficeRepository offices, CapacityRepository capacities, HoldRepository holds, SlotTaker taker,
            HoldCombiner combiner, ApplicantsRule applicantsRule, QuotaConfig config, Clock clock) {
        this.applicantsRule = applicantsRule;
        this.offices = offices;
        this.capacities = capacities;
        this.holds = holds;
        this.taker = taker;
        this.combiner = combiner;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Places a hold: checks the request, then hands it to the {@link HoldCombiner}, which places it with the
     * concurrent holds of the same slot in one statement (see {@link SlotTaker}). A hold refused on a bookable slot
     * is refused because the slot is full; only a hold refused on a slot that is not bookable reads it again, to
     * say precisely why.
     * <p>
     * Retries are safe. {@code idempotencyKey} (the {@code Idempotency-Key} header, may be null) is stored with the
     * hold by the statement that inserts it. Whenever a hold is refused (not granted, or refused by a unique index,
     * which is also how two concurrent requests with one key end, in one statement or two), the refusal first looks
     * for the hold the same request created before: the account's hold with this key (with another request behind
     * it: 422 {@code idempotency-key-reused}), else the account's active hold of the same slot with the same NIKs.
     * Found, it is the answer, as if just created. A granted hold costs no extra read.
     */
    public Uni<Hold> place(String accountId, HoldCommand command, String idempotencyKey) {
        validate(command);
        Executor caller = OnContext.capture();   // the combiner completes holds on the pool's threads
        String fingerprint = command.fingerprint();
        return zoneOf(command.officeCode())
                .invoke(zone -> requireFutureEnough(zone, command.date(), "date",
                        command.service().leadDays(config.bookingLeadDays())))
                .chain(zone -> combiner.place(newHold(accountId, command, idempotencyKey, fingerprint))
                        .emitOn(caller)
                        .chain(outcome -> outcome.granted() ? Uni.createFrom().item(outcome.hold())
                                : created(accountId, command, idempotencyKey, fingerprint)
                                        .chain(earlier -> earlier != null ? Uni.createFrom().item(earlier)
                                                : whyRefused(accountId, command, outcome)))
                        .onFailure(HoldService::refusedByIndex)
                        .recoverWithUni(refusal -> created(accountId, command, idempotencyKey, fingerprint)
                                .onItem().ifNull().failWith(() -> refusal)))
                .onFailure().transform(Problems::translate);
    }

    /**
     * The hold this request (or its retry) created earlier, or null: by the account's idempotency key (refused when
     * it was used for another request), else the account's active hold of the same slot and the same set of NIKs.
     */
    private Uni<Hold> created(String accountId, HoldCommand command, String idempotencyKey, String fingerprint) {
        return Panache.withSession(() -> (idempotencyKey == null ? Uni.createFrom().<Hold>nullItem()
                : holds.byIdempotencyKey(accountId, idempotencyKey))
                .chain(byKey -> {
                    if (byKey != null) {
                        if (!fingerprint.equals(byKey.requestFingerprint)) {
                            throw ProblemException.of(QuotaProblem.IDEMPOTENCY_KEY_REUSED);
                        }
                        return Uni.createFrom().item(byKey);
                    }
                    return holds.activeOf(accountId).map(active -> active.stream()
                            .filter(h -> sameRequest(h, command)).findFirst().orElse(null));
                }));
    }

    /** The same slot, passport kind and set of NIKs (in any order). */
    private static boolean sameRequest(Hold hold, HoldCommand command) {
        PassportKind kind = command.passportKind() == null ? PassportKind.ORDINARY : command.passportKind();
        return hold.officeCode.equals(command.officeCode()) && hold.slotDate.equals(command.date())
                && hold.slotSession == command.session() && hold.service == command.service()
                && hold.passportKind == kind && new HashSet<>(hold.nikList()).equals(new HashSet<>(command.niks()))
                && hold.nikList().size() == command.niks().size();
    }

    /** Refused by a unique index: a NIK or the account already holds, or the idempotency key is taken. */
    private static boolean refusedByIndex(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Why a hold was not granted: its NIKs are not the account's applicants, or the slot is full or not bookable. */
    private Uni<Hold> whyRefused(String accountId, HoldCommand command, HoldCombiner.Outcome outcome) {
        if (!outcome.applicants()) {
            return applicantsRule.refusal(accountId, command.niks());
        }
        if (outcome.slotBookable()) {
            return Uni.createFrom().failure(ProblemException.of(QuotaProblem.QUOTA_FULL));
        }
        return whyRefused(command);
    }

    /** The account's active holds and bookings, newest first (a client that lost an answer finds its hold here). */
    @WithSession
    public Uni<List<Hold>> activeOf(String accountId) {
        return holds.activeOf(accountId);
    }

    /** The precise refusal of a hold on a slot that was not bookable: not released, closed, or (meanwhile) full. */
    private Uni<Hold> whyRefused(HoldCommand command) {
        return Panache.withSession(() -> capacities.find(command.officeCode(), command.date(), command.service(),
                command.session()))
                .map(slot -> {
                    Slots.requireBookable(slot, command.niks().size(),
                            command.passportKind() == PassportKind.ELECTRONIC, clock.instant());
                    throw ProblemException.of(QuotaProblem.QUOTA_FULL);
                });
    }

    /** The office's time zone (offices and their zones never change, so they are kept once read). */
    private Uni<ZoneId> zoneOf(String officeCode) {
        ZoneId known = zones.get(officeCode);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return taker.zoneOf(officeCode)
                .onItem().ifNull().failWith(() -> ProblemException.invalid("officeCode", "quota.office-unknown",
                        officeCode))
                .map(zone -> {
                    ZoneId id = ZoneId.of(zone);
                    zones.put(officeCode, id);
                    return id;
                });
    }

    /**
     * The hold or booking, for its owner or an admin; anyone else, and an id that does not exist, get {@code notFound}
     * (404 {@code hold-not-found} or {@code booking-not-found}, as the path named it).
     */
    @WithSession
    public Uni<Hold> view(Caller caller, UUID id, ProblemType notFound) {
        return holds.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.of(notFound))
                .invoke(hold -> {
                    try {
                        caller.requireOwner(hold.accountId);
                    } catch (ProblemException notYours) {
                        throw ProblemException.of(notFound);
                    }
                });
    }

    /** The bookings of one office and day, for its officers. */
    @WithSession
    public Uni<List<Hold>> bookingsOf(String officeCode, LocalDate date) {
        return offices.findById(officeCode)
                .onItem().ifNull().failWith(() -> ProblemException.of(QuotaProblem.OFFICE_NOT_FOUND, officeCode))
                .chain(office -> holds.bookingsOf(office.code, date));
    }

    private Hold newHold(String accountId, HoldCommand command, String idempotencyKey, String fingerprint) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Hold hold = new Hold();
        hold.id = UUID.randomUUID();
        hold.accountId = accountId;
        hold.officeCode = command.officeCode();
        hold.slotDate = command.date();
        hold.service = command.service();
        hold.slotSession = command.session();
        hold.passportKind = command.passportKind() == null ? PassportKind.ORDINARY : command.passportKind();
        hold.size = command.niks().size();
        hold.niks = String.join(",", command.niks());
        hold.status = HoldStatus.HELD;
        hold.createdAt = now;
        hold.expiresAt = now.plus(config.holdDuration());   // set again by the statement that places it
        hold.idempotencyKey = idempotencyKey;
        hold.requestFingerprint = fingerprint;
        return hold;
    }

    private void validate(HoldCommand command) {
        List<FieldError> errors = new ArrayList<>();
        if (!command.service().bookableBy(command.deskOffice(), command.officeCode())) {
            errors.add(FieldError.of("service", "quota.service-not-bookable", command.service().name()));
        }
        if (command.niks().size() > config.maxApplicantsPerHold()) {
            errors.add(FieldError.of("niks", "quota.too-many-applicants", config.maxApplicantsPerHold()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.niks().size(); i++) {
            if (!seen.add(command.niks().get(i))) {
                errors.add(FieldError.of("niks[" + i + "]", "quota.nik-duplicate"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** A date before today (office time) plus the lead days is refused as a field error. */
    void requireFutureEnough(Office office, LocalDate date, String field) {
        requireFutureEnough(office.zone(), date, field, config.bookingLeadDays());
    }

    private void requireFutureEnough(ZoneId zone, LocalDate date, String field, int leadDays) {
        LocalDate earliest = LocalDate.now(clock.withZone(zone)).plusDays(leadDays);
        if (date.isBefore(earliest)) {
            throw ProblemException.invalid(field, "quota.date-too-early", earliest.toString());
        }
    }
}
