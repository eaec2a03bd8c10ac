package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.quota.SlotHeld;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Placing a hold: the booking rule lives here. In one transaction, in this order:
 * <ol>
 * <li>read the slot (no lock) to answer precisely why it cannot be taken, before writing anything;</li>
 * <li>insert the hold and bind its NIKs: the unique partial indexes refuse a second active hold of the account
 * and a second active slot of a NIK, whatever the concurrency;</li>
 * <li>write SlotHeld to the outbox;</li>
 * <li>take the places with the one conditional UPDATE on the capacity row, last, so the hot row stays locked
 * only from this statement to the commit.</li>
 * </ol>
 * Any refusal rolls everything back: nothing of a refused hold remains.
 */
@ApplicationScoped
public class HoldService {

    private final OfficeRepository offices;
    private final CapacityRepository capacities;
    private final HoldRepository holds;
    private final Outbox outbox;
    private final QuotaConfig config;
    private final Clock clock;

    public HoldService(OfficeRepository offices, CapacityRepository capacities, HoldRepository holds, Outbox outbox,
            QuotaConfig config, Clock clock) {
        this.offices = offices;
        this.capacities = capacities;
        this.holds = holds;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Hold> place(String accountId, HoldCommand command) {
        validate(command);
        boolean electronic = command.passportKind() == PassportKind.ELECTRONIC;
        int places = command.niks().size();
        return offices.findById(command.officeCode())
                .onItem().ifNull().failWith(() -> ProblemException.invalid("officeCode", "quota.office-unknown",
                        command.officeCode()))
                .invoke(office -> requireFutureEnough(office, command.date(), "date"))
                .chain(office -> capacities.find(office.code, command.date(), command.service(), command.session()))
                .invoke(slot -> Slots.requireBookable(slot, places, electronic, clock.instant()))
                .chain(slot -> {
                    Hold hold = newHold(accountId, command);
                    return holds.insert(hold)
                            .chain(() -> outbox.append(new SlotHeld(hold.id.toString(), accountId, hold.officeCode,
                                    hold.slotDate, hold.slotSession.name(), hold.service.name(), hold.nikList(),
                                    hold.expiresAt)))
                            .chain(() -> Panache.getSession().chain(s -> s.flush()))
                            .chain(() -> capacities.take(hold.officeCode, hold.slotDate, hold.service,
                                    hold.slotSession, places, electronic))
                            .map(taken -> {
                                if (!taken) {
                                    throw ProblemException.of(QuotaProblem.QUOTA_FULL);
                                }
                                return hold;
                            });
                })
                .onFailure().transform(Problems::translate);
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
        hold.expiresAt = now.plus(config.holdDuration());
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
        LocalDate earliest = office.today(clock).plusDays(config.bookingLeadDays());
        if (date.isBefore(earliest)) {
            throw ProblemException.invalid(field, "quota.date-too-early", earliest.toString());
        }
    }
}
