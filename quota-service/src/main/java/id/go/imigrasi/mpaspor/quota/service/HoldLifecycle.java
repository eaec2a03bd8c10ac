package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.contracts.quota.HoldConfirmed;
import id.go.imigrasi.mpaspor.contracts.quota.HoldExtended;
import id.go.imigrasi.mpaspor.contracts.quota.HoldReleased;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.domain.Hold;
import id.go.imigrasi.mpaspor.quota.domain.HoldStatus;
import id.go.imigrasi.mpaspor.quota.domain.HoldTransition;
import id.go.imigrasi.mpaspor.quota.domain.HoldTransition.Decision;
import id.go.imigrasi.mpaspor.quota.domain.ReleaseReason;
import id.go.imigrasi.mpaspor.quota.repository.CapacityRepository;
import id.go.imigrasi.mpaspor.quota.repository.HoldRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What happens to a hold after it was placed: extended when billed, confirmed into a booking when paid, released
 * when the bill expires, the application is cancelled or the hold times out. Every transition locks the hold row
 * first and acts only from the state it expects, so a late or repeated event, the timer and another instance
 * never release or confirm a hold twice (which transition applies from which state: {@link HoldTransition}). The event effects run inside the inbox transaction (no transaction of
 * their own); {@link #expireDue()} opens its own.
 */
@ApplicationScoped
public class HoldLifecycle {

    private static final Logger LOG = Logger.getLogger(HoldLifecycle.class);

    private final HoldRepository holds;
    private final CapacityRepository capacities;
    private final Outbox outbox;
    private final QuotaConfig config;
    private final Clock clock;
    private final Counter paidAfterRelease;

    public HoldLifecycle(HoldRepository holds, CapacityRepository capacities, Outbox outbox, QuotaConfig config,
            Clock clock, MeterRegistry registry) {
        this.holds = holds;
        this.capacities = capacities;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.paidAfterRelease = Counter.builder("mpaspor.quota.paid.after.release")
                .description("Payments that arrived after their hold was released (the slot may be gone)")
                .register(registry);
    }

    /** BillingIssued: the hold lasts until the billing deadline (plus a grace, so BillingExpired ends it). */
    public Uni<Void> extend(String holdId, String applicationId, String billingCode, Instant billingExpiresAt) {
        return locked(holdId).chain(found -> {
            Hold hold = found.orElse(null);
            if (HoldTransition.EXTEND.from(status(hold)) != Decision.APPLY) {
                LOG.warnf("BillingIssued for hold %s which is %s: nothing to extend", holdId,
                        found.map(h -> h.status.name()).orElse("unknown"));
                return Uni.createFrom().voidItem();
            }
            Instant expiresAt = HoldTransition.extendedExpiry(hold.expiresAt, billingExpiresAt, config.billingGrace());
            return holds.extend(hold.id, applicationId, billingCode, expiresAt)
                    .chain(() -> outbox.append(new HoldExtended(holdId, applicationId, billingCode, expiresAt)))
                    .replaceWithVoid();
        });
    }

    /** BillingPaid: the hold becomes the booking of the office visit. */
    public Uni<Void> confirm(String holdId, String applicationId, String billingCode) {
        return locked(holdId).chain(found -> {
            Hold hold = found.orElse(null);
            switch (HoldTransition.CONFIRM.from(status(hold))) {
                case APPLY:
                    return holds.book(hold.id, applicationId, billingCode, clock.instant())
                            .chain(() -> outbox.append(new HoldConfirmed(holdId, applicationId, hold.officeCode,
                                    hold.slotDate, hold.slotSession.name(), hold.service.name(), hold.nikList())))
                            .replaceWithVoid();
                case PAID_AFTER_RELEASE:
                    // billing only reports payments before its deadline, and the hold outlives the deadline by a
                    // grace; if it still happens, ops must see it (the applicant paid for a slot that is gone)
                    paidAfterRelease.increment();
                    LOG.errorf("BillingPaid for hold %s released earlier (%s): application %s needs a manual booking",
                            holdId, hold.releaseReason, applicationId);
                    return Uni.createFrom().voidItem();
                default:
                    if (hold == null) {
                        LOG.warnf("BillingPaid for unknown hold %s (application %s)", holdId, applicationId);
                    }
                    return Uni.createFrom().voidItem();
            }
        });
    }

    /** BillingExpired: an unpaid hold goes back to the calendar. */
    public Uni<Void> billingExpired(String holdId) {
        return locked(holdId).chain(found -> releaseIf(found.orElse(null), HoldTransition.BILLING_EXPIRED,
                ReleaseReason.BILLING_EXPIRED));
    }

    /** ApplicationCancelled: the hold or booking goes back to the calendar. */
    public Uni<Void> cancelled(String holdId) {
        return locked(holdId).chain(found -> releaseIf(found.orElse(null), HoldTransition.CANCEL,
                ReleaseReason.APPLICATION_CANCELLED));
    }

    /**
     * Releases the holds whose time ran out, one batch in one transaction. Rows are claimed with
     * {@code FOR UPDATE SKIP LOCKED}: several instances share the work and never release the same hold twice.
     */
    public Uni<Integer> expireDue() {
        return Panache.withTransaction(() -> holds.claimExpired(config.expiry().batchSize())
                .chain(ids -> Sequentially.each(ids, id -> holds.lock(id)
                        .chain(hold -> releaseIf(hold, HoldTransition.TIME_OUT, ReleaseReason.HOLD_TIMEOUT)))
                        .replaceWith(ids.size())));
    }

    private Uni<Void> releaseIf(Hold hold, HoldTransition transition, ReleaseReason reason) {
        return transition.from(status(hold)) == Decision.APPLY ? release(hold, reason) : Uni.createFrom().voidItem();
    }

    private static HoldStatus status(Hold hold) {
        return hold == null ? null : hold.status;
    }

    private Uni<Void> release(Hold hold, ReleaseReason reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return holds.release(hold.id, reason.name(), now)
                .chain(() -> capacities.giveBack(hold.officeCode, hold.slotDate, hold.service, hold.slotSession,
                        hold.size))
                .chain(() -> outbox.append(new HoldReleased(hold.id.toString(), hold.applicationId, reason.name(), now)))
                .invoke(() -> LOG.infof("hold %s released: %s", hold.id, reason))
                .replaceWithVoid();
    }

    private Uni<Optional<Hold>> locked(String holdId) {
        UUID id;
        try {
            id = UUID.fromString(holdId);
        } catch (IllegalArgumentException | NullPointerException notOurs) {
            LOG.warnf("event refers to hold '%s', which is not a quota-service hold id; ignored", holdId);
            return Uni.createFrom().item(Optional.empty());
        }
        return holds.lock(id).map(Optional::ofNullable);
    }
}
