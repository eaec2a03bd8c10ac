package id.go.imigrasi.mpaspor.application.events;

import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.details;
import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.none;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.domain.Hold;
import id.go.imigrasi.mpaspor.application.repository.HoldRepository;
import id.go.imigrasi.mpaspor.application.service.ApplicationFollower;
import id.go.imigrasi.mpaspor.application.service.ApplicationFollower.Step;
import id.go.imigrasi.mpaspor.contracts.quota.BookingRescheduled;
import id.go.imigrasi.mpaspor.contracts.quota.HoldConfirmed;
import id.go.imigrasi.mpaspor.contracts.quota.HoldExtended;
import id.go.imigrasi.mpaspor.contracts.quota.HoldReleased;
import id.go.imigrasi.mpaspor.contracts.quota.SlotHeld;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * quota.events: the holds (kept locally, so submission never calls quota-service), and the booking steps of
 * submitted applications (confirmed, rescheduled, released).
 */
@ApplicationScoped
public class QuotaEventsConsumer {

    public static final String CONSUMER = "application-quota";

    private final Inbox inbox;
    private final HoldRepository holds;
    private final ApplicationFollower follower;

    public QuotaEventsConsumer(Inbox inbox, HoldRepository holds, ApplicationFollower follower) {
        this.inbox = inbox;
        this.holds = holds;
        this.follower = follower;
    }

    @Incoming("quota-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers(EventMeta.of(message)));
    }

    EventHandlers handlers(EventMeta meta) {
        return EventHandlers.builder()
                .on(SlotHeld.class, this::held)
                .on(HoldExtended.class, e -> holds.lock(e.holdId()).chain(hold -> {
                    if (hold != null && e.expiresAt() != null) {
                        hold.expiresAt = e.expiresAt();
                    }
                    return follower.step(meta, e.applicationId(), "HOLD_EXTENDED", null, null, "holdId", e.holdId(),
                            "expiresAt", e.expiresAt());
                }))
                .on(HoldReleased.class, e -> holds.lock(e.holdId()).chain(hold -> {
                    if (hold != null && hold.releasedAt == null) {
                        hold.releasedAt = meta.or(e.releasedAt());
                    }
                    return follower.step(meta, e.applicationId(), "HOLD_RELEASED", null, e.releasedAt(), "holdId",
                            e.holdId(), "reason", e.reason());
                }))
                .on(HoldConfirmed.class, e -> holds.lock(e.holdId()).chain(hold -> {
                    if (hold != null) {
                        hold.confirmedAt = meta.time();
                    }
                    return follower.apply(meta, e.applicationId(), new Step("HOLD_CONFIRMED", ApplicationStatus.BOOKED,
                            meta.time(), details("officeCode", e.officeCode(), "date", e.date(), "session", e.session()),
                            app -> {
                                app.appointment(e.officeCode(), e.date(), e.session(), meta.time());
                                return none();
                            }));
                }))
                .on(BookingRescheduled.class, e -> follower.apply(meta, e.applicationId(), new Step(
                        "BOOKING_RESCHEDULED", null, meta.time(), details("officeCode", e.officeCode(), "fromDate",
                                e.fromDate(), "fromSession", e.fromSession(), "toDate", e.toDate(), "toSession",
                                e.toSession(), "reschedulesUsed", e.reschedulesUsed()),
                        app -> {
                            app.appointment(e.officeCode(), e.toDate(), e.toSession(), meta.time());
                            return none();
                        })))
                .build();
    }

    private Uni<Void> held(SlotHeld e) {
        return holds.findById(e.holdId()).chain(existing -> {
            if (existing != null) {
                return none();
            }
            Hold hold = new Hold();
            hold.holdId = e.holdId();
            hold.accountId = e.accountId();
            hold.officeCode = e.officeCode();
            hold.date = e.date();
            hold.session = e.session();
            hold.service = e.service();
            hold.niks = e.niks() == null ? "" : String.join(",", e.niks());
            hold.expiresAt = e.expiresAt();
            return holds.persist(hold).replaceWithVoid();
        });
    }
}
