package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.quota.QuotaReleased;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.domain.Office;
import id.go.imigrasi.mpaspor.quota.domain.OfficeRule;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.domain.QuotaRelease;
import id.go.imigrasi.mpaspor.quota.repository.CapacityRepository;
import id.go.imigrasi.mpaspor.quota.repository.OfficeRepository;
import id.go.imigrasi.mpaspor.quota.repository.OfficeRuleRepository;
import id.go.imigrasi.mpaspor.quota.repository.QuotaReleaseRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What admins manage: weekday capacity rules, closures (holidays; electronic-passport dates without blank books)
 * and quota releases. A release materializes the capacity rows of its dates at once, not bookable before
 * {@code releaseAt}; QuotaReleased is published when that time comes (at once when it has passed already).
 */
@ApplicationScoped
public class AdminService {

    /** Closure scope: the whole office, or electronic passports only. */
    public enum ClosureScope {
        ALL, E_PASSPORT
    }

    /** A release as created, with the places it put on sale (the managed entity is never modified). */
    public record Released(QuotaRelease release, int slots) {
    }

    private final OfficeRepository offices;
    private final OfficeRuleRepository rules;
    private final CapacityRepository capacities;
    private final QuotaReleaseRepository releases;
    private final Outbox outbox;
    private final QuotaConfig config;
    private final Clock clock;
    private final ReleaseSubscriptions subscriptions;

    public AdminService(OfficeRepository offices, OfficeRuleRepository rules, CapacityRepository capacities,
            QuotaReleaseRepository releases, Outbox outbox, QuotaConfig config, Clock clock,
            ReleaseSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.offices = offices;
        this.rules = rules;
        this.capacities = capacities;
        this.releases = releases;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<OfficeRule>> rules(String officeCode) {
        return office(officeCode).chain(office -> rules.of(office.code));
    }

    /** Replaces the office's weekday rules; releases made afterwards use them. */
    @WithTransaction
    public Uni<List<OfficeRule>> replaceRules(String officeCode, List<OfficeRule> newRules) {
        Set<OfficeRule.Key> seen = new HashSet<>();
        for (int i = 0; i < newRules.size(); i++) {
            OfficeRule r = newRules.get(i);
            OfficeRule.Key key = new OfficeRule.Key();
            key.weekday = r.weekday;
            key.service = r.service;
            key.slotSession = r.slotSession;
            if (!seen.add(key)) {
                throw ProblemException.invalid("rules[" + i + "]", "quota.rule-duplicate");
            }
        }
        return office(officeCode)
                .chain(office -> rules.delete("officeCode", office.code)
                        .chain(() -> {
                            newRules.forEach(r -> r.officeCode = office.code);
                            // an empty list puts the office back on the defaults (persist of nothing fails)
                            return newRules.isEmpty() ? Uni.createFrom().voidItem() : rules.persist(newRules);
                        })
                        .chain(() -> rules.flush())
                        .chain(() -> rules.of(office.code)));
    }

    @WithTransaction
    public Uni<Void> close(String officeCode, LocalDate date, ClosureScope scope, String reason) {
        return office(officeCode).chain(office -> Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO office_closure (office_code, date, scope, reason)"
                        + " VALUES (:office, :date, :scope, :reason)"
                        + " ON CONFLICT (office_code, date, scope) DO UPDATE SET reason = EXCLUDED.reason")
                        .setParameter("office", office.code).setParameter("date", date)
                        .setParameter("scope", scope.name()).setParameter("reason", reason).executeUpdate())
                .chain(() -> capacities.close(office.code, date, scope == ClosureScope.E_PASSPORT, true)))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> reopen(String officeCode, LocalDate date, ClosureScope scope) {
        return office(officeCode).chain(office -> Panache.getSession()
                .chain(s -> s.createNativeQuery("DELETE FROM office_closure"
                        + " WHERE office_code = :office AND date = :date AND scope = :scope")
                        .setParameter("office", office.code).setParameter("date", date)
                        .setParameter("scope", scope.name()).executeUpdate())
                .chain(() -> capacities.close(office.code, date, scope == ClosureScope.E_PASSPORT, false)))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Released> release(String officeCode, LocalDate from, LocalDate to, Instant releaseAt) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "quota.range-reversed");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > config.calendarMaxDays()) {
            throw ProblemException.invalid("to", "quota.range-too-long", config.calendarMaxDays());
        }
        Instant at = releaseAt.truncatedTo(ChronoUnit.MICROS);
        return office(officeCode).chain(office -> {
            QuotaRelease release = new QuotaRelease();
            release.id = UUID.randomUUID();
            release.officeCode = office.code;
            release.fromDate = from;
            release.toDate = to;
            release.releaseAt = at;
            release.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            boolean dueNow = !at.isAfter(clock.instant());
            return releases.persist(release).chain(() -> releases.flush())
                    .chain(() -> capacities.materialize(release.id, office.code, from, to, at,
                            config.defaultCapacity(), config.openDays()))
                    .chain(slots -> releases.update("slots = ?1 where id = ?2", slots, release.id)
                            .chain(() -> dueNow ? publish(release, slots) : Uni.createFrom().voidItem())
                            .replaceWith(new Released(release, slots)));
        });
    }

    /**
     * Publishes QuotaReleased for releases whose time has come (the scheduler; safe with several instances), with the
     * mails to the offices' subscribers; wakes the mail dispatcher after the commit when it queued any.
     */
    public Uni<Integer> publishDue() {
        return Panache.withTransaction(() -> releases.claimDue(50)
                .chain(ids -> Sequentially.each(ids, id -> releases.findById(id)
                        .chain(release -> publish(release, release.slots)))
                        .replaceWith(ids.size())))
                .invoke(published -> {
                    if (published > 0) {
                        subscriptions.wake();
                    }
                });
    }

    /**
     * QuotaReleased and, in the same transaction, one mail per subscriber of the office
     * ({@link ReleaseSubscriptions#mailSubscribers}): the event and the mails commit together or not at all.
     */
    private Uni<Void> publish(QuotaRelease release, int slots) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant releasedAt = release.releaseAt.isAfter(now) ? now : release.releaseAt;
        return outbox.append(new QuotaReleased(release.id.toString(), release.officeCode, release.fromDate,
                release.toDate, slots, releasedAt))
                .chain(() -> releases.update("publishedAt = ?1 where id = ?2", now, release.id))
                .chain(() -> subscriptions.mailSubscribers(release, releasedAt))
                .replaceWithVoid();
    }

    private Uni<Office> office(String officeCode) {
        return offices.findById(officeCode)
                .onItem().ifNull().failWith(() -> ProblemException.of(QuotaProblem.OFFICE_NOT_FOUND, officeCode));
    }
}
