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

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.domain.Hold;
import id.go.imigrasi.mpaspor.quota.domain.HoldStatus;
import id.go.imigrasi.mpaspor.quota.domain.Office;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.repository.CapacityRepository;
import id.go.imigrasi.mpaspor.quota.repository.HoldRepository;
import id.go.imigrasi.mpaspor.quota.repository.OfficeRepository;
import id.go.imigrasi.mpaspor.quota.repository.SlotTaker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Placing a hold: the booking rule lives here and in the statement it runs ({@link SlotTaker}).
 * <ol>
 * <li>check the request (service line bookable online, applicants, duplicate NIKs) and the date against the
 * office's today, without the database (offices and their zones are kept in memory);</li>
 * <li>hand the hold to the {@link HoldCombiner}: one statement, its own transaction, locks the capacity row, grants
 * what fits, inserts the holds, binds their NIKs (the unique partial indexes refuse a second active hold of the
 * account and a second active slot of a NIK, whatever the concurrency) and writes SlotHeld to the outbox;</li>
 * <li>only if the hold was not granted, read the slot to answer precisely why.</li>
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
    private final QuotaConfig config;
    private final Clock clock;
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    public HoldService(OfficeRepository offices, CapacityRepository capacities, HoldRepository holds, SlotTaker taker,
            HoldCombiner combiner, QuotaConfig config, Clock clock) {
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
     */
    public Uni<Hold> place(String accountId, HoldCommand command) {
        validate(command);
        Context context = Vertx.currentContext();
        return zoneOf(command.officeCode())
                .invoke(zone -> requireFutureEnough(zone, command.date(), "date"))
                .chain(zone -> combiner.place(newHold(accountId, command)))
                .emitOn(context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run()))
                .chain(outcome -> {
                    if (outcome.granted()) {
                        return Uni.createFrom().item(outcome.hold());
                    }
                    if (outcome.slotBookable()) {
                        throw ProblemException.of(QuotaProblem.QUOTA_FULL);
                    }
                    return whyRefused(command);
                })
                .onFailure().transform(Problems::translate);
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

    /** The hold or booking, for its owner (others get 404) or an admin. */
    @WithSession
    public Uni<Hold> view(Caller caller, UUID id) {
        return holds.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.of(QuotaProblem.HOLD_NOT_FOUND))
                .invoke(hold -> {
                    try {
                        caller.requireOwner(hold.accountId);
                    } catch (ProblemException notYours) {
                        throw ProblemException.of(QuotaProblem.HOLD_NOT_FOUND);
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

    private Hold newHold(String accountId, HoldCommand command) {
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
        return hold;
    }

    private void validate(HoldCommand command) {
        List<FieldError> errors = new ArrayList<>();
        if (!command.service().bookableOnline()) {
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
        requireFutureEnough(office.zone(), date, field);
    }

    private void requireFutureEnough(ZoneId zone, LocalDate date, String field) {
        LocalDate earliest = LocalDate.now(clock.withZone(zone)).plusDays(config.bookingLeadDays());
        if (date.isBefore(earliest)) {
            throw ProblemException.invalid(field, "quota.date-too-early", earliest.toString());
        }
    }
}
