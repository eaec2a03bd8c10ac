package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.contracts.application.CollectiveBatchRegistered;
import id.go.imigrasi.mpaspor.contracts.application.CollectiveMember;
import id.go.imigrasi.mpaspor.contracts.quota.CollectiveBatchRefused;
import id.go.imigrasi.mpaspor.contracts.quota.SlotHeld;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.domain.Capacity;
import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import id.go.imigrasi.mpaspor.quota.repository.CapacityRepository;
import id.go.imigrasi.mpaspor.quota.repository.CollectiveHoldRepository;
import io.smallrye.mutiny.Uni;

/**
 * The collective service's places (issue 19): a batch application-service registered (CollectiveBatchRegistered)
 * takes one place per verified member from the office's PRIORITY_WALK_IN line of its date and session, all or none,
 * in the inbox transaction of the event:
 * <ol>
 * <li>a batch decided before (a redelivery, a repeat) is left alone ({@code collective_batch}, V75);</li>
 * <li>a member's NIK bound to another active hold or booking refuses the batch (NIK_ALREADY_HELD);</li>
 * <li>the places are taken by ONE conditional UPDATE of the capacity row, {@link CapacityRepository#take} (the one
 * SQL form of the no-overbooking rule, {@code slot_bookable}): all of them or none;</li>
 * <li>taken: one hold per member (one place, account = the member's application, the NIK bound), each announced
 * with SlotHeld exactly as an online hold is, so application-service keeps and uses it, and billing, the hold's
 * lifecycle and biometric follow unchanged. Not taken: CollectiveBatchRefused with the reason
 * ({@link Capacity#bookability}, the rule's Java twin, words it) and the places left.</li>
 * </ol>
 */
@ApplicationScoped
public class CollectiveHolds {

    private static final Logger LOG = Logger.getLogger(CollectiveHolds.class);
    static final String NOT_ENOUGH_PLACES = "NOT_ENOUGH_PLACES";
    static final String NIK_ALREADY_HELD = "NIK_ALREADY_HELD";

    private final CollectiveHoldRepository collective;
    private final CapacityRepository capacities;
    private final Outbox outbox;
    private final QuotaConfig config;
    private final Clock clock;

    public CollectiveHolds(CollectiveHoldRepository collective, CapacityRepository capacities, Outbox outbox,
            QuotaConfig config, Clock clock) {
        this.collective = collective;
        this.capacities = capacities;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> register(CollectiveBatchRegistered e) {
        UUID batchId = UUID.fromString(e.batchId());
        DaySession session = DaySession.valueOf(e.session().toUpperCase(Locale.ROOT));
        PassportKind kind = e.passportKind() == null ? PassportKind.ORDINARY
                : PassportKind.valueOf(e.passportKind().toUpperCase(Locale.ROOT));
        List<CollectiveMember> members = e.members() == null ? List.of() : e.members();
        int places = members.size();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return collective.claim(batchId, e.officeCode(), e.date(), session.name(), places, now).chain(claimed -> {
            if (!claimed) {
                LOG.infof("collective batch %s was decided before: nothing taken again", batchId);
                return Uni.createFrom().voidItem();
            }
            if (places == 0) {
                return refuse(e, batchId, places, NOT_ENOUGH_PLACES, 0, now);
            }
            return collective.heldNiks(members.stream().map(CollectiveMember::nik).toList()).chain(held -> {
                if (!held.isEmpty()) {
                    return remaining(e, session).chain(left -> refuse(e, batchId, places, NIK_ALREADY_HELD, left, now));
                }
                return capacities.take(e.officeCode(), e.date(), ServiceLine.PRIORITY_WALK_IN, session, places,
                        kind == PassportKind.ELECTRONIC).chain(taken -> taken
                                ? hold(e, batchId, members, session, kind, now)
                                : refusal(e, batchId, session, places, kind, now));
            });
        });
    }

    private Uni<Void> hold(CollectiveBatchRegistered e, UUID batchId, List<CollectiveMember> members,
            DaySession session, PassportKind kind, Instant now) {
        Instant expiresAt = now.plus(config.holdDuration());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CollectiveMember m : members) {
            UUID holdId = UUID.randomUUID();
            chain = chain.chain(() -> collective.insertHold(holdId, m.applicationId(), e.officeCode(), e.date(),
                    ServiceLine.PRIORITY_WALK_IN, session, kind, m.nik(), expiresAt, now))
                    .chain(() -> outbox.append(new SlotHeld(holdId.toString(), m.applicationId(), e.officeCode(),
                            e.date(), session.name(), ServiceLine.PRIORITY_WALK_IN.name(), List.of(m.nik()), expiresAt,
                            kind.name())))
                    .replaceWithVoid();
        }
        return chain.invoke(() -> LOG.infof("collective batch %s: %d walk-in places held at %s on %s %s", batchId,
                members.size(), e.officeCode(), e.date(), session));
    }

    /** Why the places could not be taken, in the rule's words, and how many are left. */
    private Uni<Void> refusal(CollectiveBatchRegistered e, UUID batchId, DaySession session, int places,
            PassportKind kind, Instant now) {
        return capacities.find(e.officeCode(), e.date(), ServiceLine.PRIORITY_WALK_IN, session).chain(row -> {
            String reason;
            if (row == null) {
                reason = Capacity.Bookability.CLOSED.name();
            } else {
                Capacity.Bookability why = row.bookability(places, kind == PassportKind.ELECTRONIC, now);
                reason = why == Capacity.Bookability.FULL || why == Capacity.Bookability.BOOKABLE ? NOT_ENOUGH_PLACES
                        : why.name();
            }
            return refuse(e, batchId, places, reason, row == null ? 0 : row.remaining(), now);
        });
    }

    private Uni<Integer> remaining(CollectiveBatchRegistered e, DaySession session) {
        return capacities.find(e.officeCode(), e.date(), ServiceLine.PRIORITY_WALK_IN, session)
                .map(row -> row == null ? 0 : row.remaining());
    }

    private Uni<Void> refuse(CollectiveBatchRegistered e, UUID batchId, int places, String reason, int remaining,
            Instant now) {
        LOG.infof("collective batch %s refused: %s (%d asked, %d left)", batchId, reason, places, remaining);
        return collective.refused(batchId, reason, remaining)
                .chain(() -> outbox.append(new CollectiveBatchRefused(e.batchId(), e.officeCode(), e.date(),
                        e.session(), reason, places, remaining, now)))
                .replaceWithVoid();
    }
}
