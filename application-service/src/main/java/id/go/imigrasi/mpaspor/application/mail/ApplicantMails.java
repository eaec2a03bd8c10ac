package id.go.imigrasi.mpaspor.application.mail;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import id.go.imigrasi.mpaspor.platform.mail.MailQueue;
import id.go.imigrasi.mpaspor.platform.mail.OutgoingMail;
import io.smallrye.mutiny.Uni;

/**
 * The mails that ask the applicant to act (pay before the deadline, start again after expiry, replace a
 * rejected document, come to the appointment, correct a NIK, collect the approved passport). Each is queued in the transaction of the step
 * that calls for it, in Bahasa Indonesia with the English text below, on the platform's mail outbox
 * ({@link MailQueue}, about the application), which sends it after commit.
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
        WAITING_ROOM_TURN("waiting-room-turn");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private final MailQueue queue;
    private final Messages messages;
    private final ApplicationConfig config;
    private final DateTimeFormatter dateTime = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    public ApplicantMails(MailQueue queue, Messages messages, ApplicationConfig config) {
        this.queue = queue;
        this.messages = messages;
        this.config = config;
    }

    /** Queues the mail for the application's owner; nothing when the account gave no address. */
    public Uni<Void> queue(Application app, Kind kind, Object... args) {
        return app.email == null ? Uni.createFrom().voidItem()
                : queue.enqueue(mail(app, kind, args)).replaceWithVoid();
    }

    /**
     * Queues the mail an event calls for, once: a redelivery of the event ({@code eventId}, its CloudEvents id)
     * queues nothing more, even past the inbox.
     */
    public Uni<Void> queueOnce(String eventId, Application app, Kind kind, Object... args) {
        return app.email == null ? Uni.createFrom().voidItem()
                : queue.enqueue(mail(app, kind, args).once(eventId + ":" + kind.name() + ":" + app.id))
                        .replaceWithVoid();
    }

    private OutgoingMail mail(Application app, Kind kind, Object... args) {
        String subject = messages.get(Messages.INDONESIAN, "mail." + kind.key + ".subject", args) + " / "
                + messages.get(Locale.ENGLISH, "mail." + kind.key + ".subject", args);
        String body = messages.get(Messages.INDONESIAN, "mail." + kind.key + ".body", args) + "\n\n-- English --\n"
                + messages.get(Locale.ENGLISH, "mail." + kind.key + ".body", args) + "\n\n"
                + messages.get(Messages.INDONESIAN, "mail.footer", app.id.toString());
        return OutgoingMail.of(app.email, kind.name(), subject, body).about(app.id.toString());
    }

    /** A time as the applicant reads it: local time in WIB. */
    public String local(Instant at) {
        ZonedDateTime z = at.atZone(config.timeZone());
        return dateTime.format(z) + " " + ("Asia/Jakarta".equals(config.timeZone().getId()) ? "WIB" : z.getZone().getId());
    }
}
