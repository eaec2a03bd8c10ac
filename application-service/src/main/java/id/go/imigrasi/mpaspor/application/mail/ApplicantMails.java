package id.go.imigrasi.mpaspor.application.mail;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.repository.NotificationPreferenceRepository;
import id.go.imigrasi.mpaspor.application.repository.NotificationPreferenceRepository.Preference;
import id.go.imigrasi.mpaspor.platform.mail.Channel;
import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import id.go.imigrasi.mpaspor.platform.mail.MailQueue;
import id.go.imigrasi.mpaspor.platform.mail.OutgoingMail;
import io.smallrye.mutiny.Uni;

/**
 * The mails that ask the applicant to act (pay before the deadline, start again after expiry, replace a
 * rejected document, come to the appointment, correct a NIK, collect the approved passport). Each is queued in the transaction of the step
 * that calls for it, in Bahasa Indonesia with the English text below, on the platform's mail outbox
 * ({@link MailQueue}, about the application), which sends it after commit.
 * <p>
 * On the channels the holder chose (issue 22, {@link NotificationPreferenceRepository}): e-mail as above, and a short
 * text ({@code text.<key>}, in the holder's language) by SMS and/or WhatsApp to the number the holder proved. A step
 * an event calls for queues each channel once ({@code <event id>:<kind>:<application>[:<channel>]}), so a redelivered
 * event sends nothing more on any channel. A holder we know nothing about, or whose texts have no proven number, gets
 * the e-mail: nothing is ever dropped for want of a channel.
 */
@ApplicationScoped
public class ApplicantMails {

    /** The mails there are; texts under {@code mail.<key>.subject|body} in the messages bundles. */
    public enum Kind {
        BILLING_ISSUED("billing-issued"),
        BILLING_EXPIRED("billing-expired"),
        DOCUMENT_REJECTED("document-rejected"),
        APPOINTMENT_SCHEDULED("appointment-scheduled"),
        APPLICATION_APPROVED("application-approved"),
        NIK_NOT_VERIFIED("nik-not-verified"),
        WAITING_ROOM_TURN("waiting-room-turn"),
        /** An officer answered the applicant's helpdesk ticket (service.Helpdesk). */
        TICKET_ANSWERED("ticket-answered"),
        // issue 22: every stage, not only the ones that ask the applicant to act
        /** The appointment moved with its booking (a reschedule's confirmation). */
        APPOINTMENT_MOVED("appointment-moved"),
        /** The day before the appointment (service.Reminders). */
        APPOINTMENT_REMINDER("appointment-reminder"),
        /** The bill is still unpaid a few hours before its deadline: the held place is about to go (service.Reminders). */
        PAYMENT_REMINDER("payment-reminder"),
        /** Nobody checked in on the appointment day. */
        NO_SHOW("no-show"),
        /** The passport is printed: ready for pickup at the office, or about to be shipped by Pos. */
        PASSPORT_ISSUED("passport-issued"),
        /** The passport reached its holder (Pos delivery or pickup). */
        PASSPORT_DELIVERED("passport-delivered"),
        /** A payment arrived after the deadline: recorded, to be refunded. */
        LATE_PAYMENT("late-payment"),
        REFUND_REQUESTED("refund-requested"),
        REFUND_APPROVED("refund-approved"),
        REFUND_REJECTED("refund-rejected"),
        REFUND_PAID("refund-paid");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** The idempotency key's prefix of a resent copy (queued_mail.idempotency_key): the mails list marks them. */
    public static final String RESEND_KEY = "resend:";

    private final MailQueue queue;
    private final NotificationPreferenceRepository preferences;
    private final Messages messages;
    private final ApplicationConfig config;
    private final DateTimeFormatter dateTime = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    public ApplicantMails(MailQueue queue, NotificationPreferenceRepository preferences, Messages messages,
            ApplicationConfig config) {
        this.queue = queue;
        this.preferences = preferences;
        this.messages = messages;
        this.config = config;
    }

    /** Queues the news for the application's owner on each chosen channel; nothing when there is no way to them. */
    public Uni<Void> queue(Application app, Kind kind, Object... args) {
        return notify(app, kind, null, args).replaceWithVoid();
    }

    /**
     * Queues the news an event calls for, once per channel: a redelivery of the event ({@code eventId}, its
     * CloudEvents id) queues nothing more, even past the inbox.
     */
    public Uni<Void> queueOnce(String eventId, Application app, Kind kind, Object... args) {
        return notify(app, kind, eventId + ":" + kind.name() + ":" + app.id, args).replaceWithVoid();
    }

    /**
     * Queues a new copy of a mail someone asked to be resent ({@code resendId}: the resend's record, service
     * MailResends), on each chosen channel: rows of their own beside the first ones, which stay as they were, so the
     * mails list shows both.
     */
    public Uni<Boolean> resend(UUID resendId, Application app, Kind kind, Object... args) {
        return notify(app, kind, RESEND_KEY + resendId, args);
    }

    /** {@code true} when anything new was queued. */
    private Uni<Boolean> notify(Application app, Kind kind, String key, Object... args) {
        return preferences.of(app.accountId).chain(preference -> {
            String phone = preference.verifiedPhone();
            List<Channel> texts = phone == null ? List.of() : preference.channels().stream()
                    .filter(c -> c.equals("SMS") || c.equals("WHATSAPP")).map(Channel::valueOf).toList();
            boolean email = app.email != null && (preference.email() || texts.isEmpty());
            Uni<Boolean> queued = Uni.createFrom().item(false);
            if (email) {
                OutgoingMail mail = mail(app, kind, args);
                queued = queue.enqueue(key == null ? mail : mail.once(key));
            }
            for (Channel channel : texts) {
                OutgoingMail text = text(preference, channel, app, kind, args);
                Uni<Boolean> before = queued;
                queued = before.chain(any -> queue.enqueue(key == null ? text : text.once(key + ":" + channel))
                        .map(added -> any || added));
            }
            return queued;
        });
    }

    /** After the commit that queued a mail: send now rather than at the dispatcher's next tick. */
    public void wake() {
        queue.wake();
    }

    /** The public website, for links in mails: the API base without its {@code /api/v1}. */
    public String website() {
        return config.publicBaseUrl().replaceFirst("/api/v1/?$", "");
    }

    private OutgoingMail mail(Application app, Kind kind, Object... args) {
        String subject = messages.get(Messages.INDONESIAN, "mail." + kind.key + ".subject", args) + " / "
                + messages.get(Locale.ENGLISH, "mail." + kind.key + ".subject", args);
        String body = messages.get(Messages.INDONESIAN, "mail." + kind.key + ".body", args) + "\n\n-- English --\n"
                + messages.get(Locale.ENGLISH, "mail." + kind.key + ".body", args) + "\n\n"
                + messages.get(Messages.INDONESIAN, "mail.footer", app.id.toString());
        return OutgoingMail.of(app.email, kind.name(), subject, body).about(app.id.toString());
    }

    private OutgoingMail text(Preference preference, Channel channel, Application app, Kind kind, Object... args) {
        Locale language = "en".equals(preference.language()) ? Locale.ENGLISH : Messages.INDONESIAN;
        return OutgoingMail.text(channel, preference.verifiedPhone(), kind.name(),
                messages.get(language, "text." + kind.key, args)).about(app.id.toString());
    }

    /** A document type's name in words ({@code document.<code>}), e.g. "Kartu Keluarga"; an unknown code as it is. */
    public String documentName(String code, Locale language) {
        String key = "document." + code;
        String name = messages.get(language, key);
        return name == null || name.equals(key) ? code : name;
    }

    /** A time as the applicant reads it: local time in WIB. */
    public String local(Instant at) {
        ZonedDateTime z = at.atZone(config.timeZone());
        return dateTime.format(z) + " " + ("Asia/Jakarta".equals(config.timeZone().getId()) ? "WIB" : z.getZone().getId());
    }
}
