package id.go.imigrasi.mpaspor.application.mail;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.ApplicantMail;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.repository.MailRepository;
import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import io.smallrye.mutiny.Uni;

/**
 * The mails that ask the applicant to act (pay before the deadline, start again after expiry, replace a
 * rejected document, come to the appointment, correct a NIK). Each is queued in the transaction of the step
 * that calls for it, in Bahasa Indonesia with the English text below, and sent later by {@link MailDispatcher}.
 */
@ApplicationScoped
public class ApplicantMails {

    /** The mails there are; texts under {@code mail.<key>.subject|body} in the messages bundles. */
    public enum Kind {
        BILLING_ISSUED("billing-issued"),
        BILLING_EXPIRED("billing-expired"),
        DOCUMENT_REJECTED("document-rejected"),
        APPOINTMENT_SCHEDULED("appointment-scheduled"),
        NIK_NOT_VERIFIED("nik-not-verified"),
        WAITING_ROOM_TURN("waiting-room-turn");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private final MailRepository mails;
    private final Messages messages;
    private final ApplicationConfig config;
    private final DateTimeFormatter dateTime = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    public ApplicantMails(MailRepository mails, Messages messages, ApplicationConfig config) {
        this.mails = mails;
        this.messages = messages;
        this.config = config;
    }

    /** Queues the mail for the application's owner; nothing when the account gave no address. */
    public Uni<Void> queue(Application app, Kind kind, Object... args) {
        if (app.email == null) {
            return Uni.createFrom().voidItem();
        }
        ApplicantMail mail = new ApplicantMail();
        mail.id = UUID.randomUUID();
        mail.applicationId = app.id;
        mail.recipient = app.email;
        mail.subject = messages.get(Messages.INDONESIAN, "mail." + kind.key + ".subject", args) + " / "
                + messages.get(Locale.ENGLISH, "mail." + kind.key + ".subject", args);
        mail.body = messages.get(Messages.INDONESIAN, "mail." + kind.key + ".body", args) + "\n\n-- English --\n"
                + messages.get(Locale.ENGLISH, "mail." + kind.key + ".body", args) + "\n\n"
                + messages.get(Messages.INDONESIAN, "mail.footer", app.id.toString());
        mail.createdAt = Instant.now();
        mail.dueAt = mail.createdAt;
        return mails.persist(mail).replaceWithVoid();
    }

    /** A time as the applicant reads it: local time in WIB. */
    public String local(Instant at) {
        ZonedDateTime z = at.atZone(config.timeZone());
        return dateTime.format(z) + " " + ("Asia/Jakarta".equals(config.timeZone().getId()) ? "WIB" : z.getZone().getId());
    }
}
