package id.go.imigrasi.mpaspor.account.mail;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.domain.MailMessage;
import id.go.imigrasi.mpaspor.account.repository.MailRepository;
import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import io.smallrye.mutiny.Uni;

/**
 * Queues an email in the current transaction, in the account's language. It leaves only after commit, through
 * {@link MailRelay}: a slow or absent SMTP server never fails or slows the request, and a rolled-back request
 * sends nothing.
 */
@ApplicationScoped
public class MailOutbox {

    public enum Kind {
        OTP_VERIFY_EMAIL, OTP_RESET_PASSWORD, WELCOME, PASSWORD_CHANGED, REGISTRATION_ATTEMPT
    }

    private final MailRepository mails;
    private final Messages messages;
    private final MailRelay relay;

    public MailOutbox(MailRepository mails, Messages messages, MailRelay relay) {
        this.mails = mails;
        this.messages = messages;
        this.relay = relay;
    }

    public Uni<Void> enqueue(Account to, Kind kind, Instant now, Object... args) {
        Locale locale = Locale.forLanguageTag(to.language);
        String key = "mail." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Object[] all = new Object[args.length + 1];
        all[0] = to.fullName;
        System.arraycopy(args, 0, all, 1, args.length);
        MailMessage mail = new MailMessage();
        mail.id = UUID.randomUUID();
        mail.recipient = to.email;
        mail.kind = kind.name();
        mail.subject = messages.get(locale, key + ".subject", all);
        mail.body = messages.get(locale, key + ".body", all);
        mail.createdAt = now;
        mail.nextAttemptAt = now;
        return mails.persist(mail).replaceWithVoid();
    }

    /** After commit: send now rather than at the next poll. */
    public void wake() {
        relay.wake();
    }
}
