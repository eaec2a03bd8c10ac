package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.domain.QuotaRelease;
import id.go.imigrasi.mpaspor.quota.domain.ReleaseSubscription;
import id.go.imigrasi.mpaspor.quota.mail.ReleaseMails;
import id.go.imigrasi.mpaspor.quota.repository.OfficeRepository;
import id.go.imigrasi.mpaspor.quota.repository.QuotaReleaseRepository;
import id.go.imigrasi.mpaspor.quota.repository.ReleaseSubscriptionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * "Tell me when this office releases quota" (issue 22). A person subscribes to an office once (subscribing again keeps
 * the one subscription, with this request's address and language); every release of the office then mails each of
 * its subscribers once ({@link #mailSubscribers}, in the transaction that writes the release's QuotaReleased). A
 * subscription stays for the next release until the person unsubscribes, logged in or with the mail's link.
 */
@ApplicationScoped
public class ReleaseSubscriptions {

    /** A subscription and whether this request created it. */
    public record Subscribed(ReleaseSubscription subscription, boolean created) {
    }

    private final ReleaseSubscriptionRepository subscriptions;
    private final OfficeRepository offices;
    private final QuotaReleaseRepository releases;
    private final ReleaseMails mails;
    private final Clock clock;

    public ReleaseSubscriptions(ReleaseSubscriptionRepository subscriptions, OfficeRepository offices,
            QuotaReleaseRepository releases, ReleaseMails mails, Clock clock) {
        this.subscriptions = subscriptions;
        this.offices = offices;
        this.releases = releases;
        this.mails = mails;
        this.clock = clock;
    }

    /** The caller's subscription to the office (404 for an unknown office; 422 for a token without an address). */
    @WithTransaction
    public Uni<Subscribed> subscribe(String account, String email, Locale language, String officeCode) {
        if (email == null || !email.contains("@")) {
            throw ProblemException.of(QuotaProblem.NO_EMAIL_TO_NOTIFY);
        }
        String lang = Locale.ENGLISH.getLanguage().equals(language.getLanguage()) ? "en" : "id";
        return offices.findById(officeCode)
                .onItem().ifNull().failWith(() -> ProblemException.of(QuotaProblem.OFFICE_NOT_FOUND, officeCode))
                .chain(office -> subscriptions.upsert(account, office.code, email, lang,
                        clock.instant().truncatedTo(ChronoUnit.MICROS))
                        .chain(created -> subscriptions.of(account, office.code)
                                .map(s -> new Subscribed(s, created))));
    }

    /** Unsubscribes the caller from the office: nothing to do when not subscribed (404 for an unknown office). */
    @WithTransaction
    public Uni<Void> unsubscribe(String account, String officeCode) {
        return offices.findById(officeCode)
                .onItem().ifNull().failWith(() -> ProblemException.of(QuotaProblem.OFFICE_NOT_FOUND, officeCode))
                .chain(office -> subscriptions.remove(account, office.code)).replaceWithVoid();
    }

    /** The mail's link: the subscription of this token goes; an unknown token (already gone) changes nothing. */
    @WithTransaction
    public Uni<Void> unsubscribe(UUID token) {
        return subscriptions.removeByToken(token).replaceWithVoid();
    }

    @WithSession
    public Uni<List<ReleaseSubscription>> of(String account) {
        return subscriptions.ofAccount(account);
    }

    /**
     * Queues one mail per subscriber of the release's office, in the caller's transaction (the one writing the
     * release's QuotaReleased): it commits or rolls back with the event. Keyed by release and subscription, so a
     * second run for the same release queues nothing. Returns the number of mails queued now.
     */
    public Uni<Integer> mailSubscribers(QuotaRelease release, Instant releasedAt) {
        return subscriptions.ofOffice(release.officeCode).chain(subscribers -> subscribers.isEmpty()
                ? Uni.createFrom().item(0)
                : offices.findById(release.officeCode).chain(office -> releases.waitingRoomClosesAt(release.id)
                        .chain(closes -> Sequentially.each(subscribers,
                                s -> mails.queue(release, releasedAt, office, closes, s).replaceWithVoid())
                                .replaceWith(subscribers.size()))));
    }

    /** After the commit that queued release mails: send now rather than at the dispatcher's next tick. */
    public void wake() {
        mails.wake();
    }
}
