package id.go.imigrasi.mpaspor.quota.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import id.go.imigrasi.mpaspor.platform.mail.MailQueue;
import id.go.imigrasi.mpaspor.platform.mail.OutgoingMail;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.domain.Office;
import id.go.imigrasi.mpaspor.quota.domain.QuotaRelease;
import id.go.imigrasi.mpaspor.quota.domain.ReleaseSubscription;
import io.smallrye.mutiny.Uni;

/**
 * The mail a subscriber of an office gets when the office releases quota ({@code mail.quota-released.*} in the
 * messages bundles, in the language the person subscribed with): the office, the dates released, from when they can
 * be booked (in the office's time zone), the waiting room's window if the release has one, a link to the office's page
 * and one to unsubscribe. Queued on the platform's mail outbox ({@link MailQueue}) in the transaction that writes the
 * release's QuotaReleased, once per release and subscription (the key), so a release job that runs again, or on two
 * instances, never mails twice; about the account, so an erasure finds the mails still waiting.
 */
@ApplicationScoped
public class ReleaseMails {

    public static final String KIND = "QUOTA_RELEASED";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final MailQueue queue;
    private final Messages messages;
    private final String website;

    public ReleaseMails(MailQueue queue, Messages messages, QuotaConfig config) {
        this.queue = queue;
        this.messages = messages;
        // the API's public base ends in /api/v1; the website's pages are at its root
        this.website = config.publicBaseUrl().replaceFirst("/api/v1/?$", "").replaceFirst("/$", "");
    }

    /** Queues the release's mail to one subscriber, in the current transaction; false when it was queued before. */
    public Uni<Boolean> queue(QuotaRelease release, Instant releasedAt, Office office,
            Optional<Instant> waitingRoomClosesAt, ReleaseSubscription to) {
        Locale locale = "en".equals(to.language) ? Locale.ENGLISH : Messages.INDONESIAN;
        String waitingRoom = waitingRoomClosesAt
                .map(closes -> messages.get(locale, "mail.quota-released.waiting-room", local(closes, office)))
                .orElse("");
        Object[] args = { office.name, date(release.fromDate), date(release.toDate), local(releasedAt, office),
                website + "/offices/" + office.code, waitingRoom,
                website + "/release-subscriptions/unsubscribe?token=" + to.unsubscribeToken };
        OutgoingMail mail = OutgoingMail.of(to.email, KIND, messages.get(locale, "mail.quota-released.subject", args),
                messages.get(locale, "mail.quota-released.body", args))
                .about(to.accountId).once("quota-released:" + release.id + ":" + to.id);
        return queue.enqueue(mail);
    }

    /** After the commit that queued mails: the dispatcher sends now rather than at its next tick. */
    public void wake() {
        queue.wake();
    }

    private static String date(LocalDate d) {
        return DATE.format(d);
    }

    /** A time as the office's applicants read it: local time and WIB, WITA or WIT. */
    private static String local(Instant at, Office office) {
        return DATE_TIME.format(at.atZone(office.zone())) + " " + office.timeZone;
    }
}
