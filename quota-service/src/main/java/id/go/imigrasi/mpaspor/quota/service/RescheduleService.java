package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.quota.BookingRescheduled;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.Hold;
import id.go.imigrasi.mpaspor.quota.domain.HoldStatus;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.repository.CapacityRepository;
import id.go.imigrasi.mpaspor.quota.repository.HoldRepository;
import id.go.imigrasi.mpaspor.quota.repository.OfficeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Moving a paid booking to another date or session of the same office. The rules, in the order they are checked:
 * the booking is paid; today (office time) is at the latest the day before the appointment; the cap of
 * reschedules is not reached; the target is bookable. The move is atomic: the new places are taken and the old
 * ones freed in one transaction (the two capacity rows locked in key order, so two opposite moves cannot
 * deadlock), or nothing changes.
 */
@ApplicationScoped
public class RescheduleService {

    /** The capacity rows' key order, as the hold statement locks them (session by its name, as PostgreSQL sorts it). */
    private static final Comparator<Slot> KEY_ORDER = Comparator.comparing(Slot::date)
            .thenComparing(slot -> slot.session().name());

    private record Slot(LocalDate date, DaySession session) {
    }

    /** The booking after the move. */
    public record Moved(Hold booking, LocalDate date, DaySession session, int reschedulesUsed) {
    }

    private final HoldRepository holds;
    private final OfficeRepository offices;
    private final CapacityRepository capacities;
    private final HoldService holdService;
    private final Outbox outbox;
    private final QuotaConfig config;
    private final Clock clock;

    public RescheduleService(HoldRepository holds, OfficeRepository offices, CapacityRepository capacities,
            HoldService holdService, Outbox outbox, QuotaConfig config, Clock clock) {
        this.holds = holds;
        this.offices = offices;
        this.capacities = capacities;
        this.holdService = holdService;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Moved> reschedule(Caller caller, UUID bookingId, LocalDate date, DaySession session) {
        return holds.lock(bookingId)
                .onItem().ifNull().failWith(() -> ProblemException.of(QuotaProblem.BOOKING_NOT_FOUND))
                .invoke(booking -> {
                    try {
                        caller.requireOwner(booking.accountId);
                    } catch (ProblemException notYours) {
                        throw ProblemException.of(QuotaProblem.BOOKING_NOT_FOUND);
                    }
                    if (booking.status == HoldStatus.HELD) {
                        throw ProblemException.of(QuotaProblem.RESCHEDULE_NOT_PAID);
                    }
                    if (booking.status == HoldStatus.RELEASED) {
                        throw ProblemException.of(QuotaProblem.BOOKING_NOT_ACTIVE);
                    }
                })
                .chain(booking -> offices.findById(booking.officeCode).chain(office -> {
                    LocalDate today = office.today(clock);
                    if (!today.isBefore(booking.slotDate)) {
                        throw ProblemException.of(QuotaProblem.RESCHEDULE_TOO_LATE, booking.slotDate.toString());
                    }
                    if (booking.reschedulesUsed >= config.maxReschedules()) {
                        throw ProblemException.of(QuotaProblem.RESCHEDULE_LIMIT_REACHED, config.maxReschedules());
                    }
                    if (booking.slotDate.equals(date) && booking.slotSession == session) {
                        throw ProblemException.invalid("date", "quota.reschedule-same-slot");
                    }
                    holdService.requireFutureEnough(office, date, "date");
                    boolean electronic = booking.passportKind == PassportKind.ELECTRONIC;
                    return capacities.find(booking.officeCode, date, booking.service, session)
                            .invoke(target -> Slots.requireBookable(target, booking.size, electronic, clock.instant()))
                            .chain(target -> move(booking, new Slot(date, session), electronic));
                }));
    }

    private Uni<Moved> move(Hold booking, Slot to, boolean electronic) {
        Slot from = new Slot(booking.slotDate, booking.slotSession);
        Supplier<Uni<Void>> take = () -> capacities.take(booking.officeCode, to.date(), booking.service, to.session(),
                booking.size, electronic).invoke(taken -> {
                    if (!taken) {
                        throw ProblemException.of(QuotaProblem.QUOTA_FULL);
                    }
                }).replaceWithVoid();
        Supplier<Uni<Void>> free = () -> capacities.giveBack(booking.officeCode, from.date(), booking.service,
                from.session(), booking.size);
        Uni<Void> both = KEY_ORDER.compare(to, from) < 0 ? take.get().chain(free::get) : free.get().chain(take::get);
        int used = booking.reschedulesUsed + 1;
        return both
                .chain(() -> holds.move(booking.id, to.date(), to.session()))
                .chain(() -> outbox.append(new BookingRescheduled(booking.id.toString(), booking.applicationId,
                        booking.officeCode, from.date(), from.session().name(), to.date(), to.session().name(), used)))
                .map(ignored -> new Moved(booking, to.date(), to.session(), used));
    }
}
