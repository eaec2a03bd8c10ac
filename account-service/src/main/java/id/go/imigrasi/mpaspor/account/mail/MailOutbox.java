package id.go.imigrasi.mpaspor.account.mail;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import id.go.imigrasi.mpaspor.platform.mail.Channel;
import id.go.imigrasi.mpaspor.platform.mail.MailQueue;
import id.go.imigrasi.mpaspor.platform.mail.OutgoingMail;
import io.smallrye.mutiny.Uni;

/**
 * The mails of an account, in the account's language, with its name first among the arguments of the texts
 * ({@code mail.<kind>.subject|body} in the messages bundles). Each is queued in the current transaction on the
 * platform's mail outbox ({@link MailQueue}) and leaves only after commit: a slow or absent SMTP server never fails
 * or slows the request, and a rolled-back request sends nothing.
 */
@ApplicationScoped
public class MailOutbox {

    public enum Kind {
        OTP_VERIFY_EMAIL, OTP_RESET_PASSWORD, WELCOME, PASSWORD_CHANGED, REGISTRATION_ATTEMPT, ERASURE_REFUSED, DATA_EXPORT_READY,
        /** An officer registered the holder at a desk: how to take the account over (assisted registration). */
        ASSISTED_WELCOME,
        /** The code that proves a mobile number: a text (SMS) to that number, never an e-mail. */
        OTP_VERIFY_PHONE
    }

    private final MailQueue queue;
    private final Messages messages;

    public MailOutbox(MailQueue queue, Messages messages) {
        this.queue = queue;
        this.messages = messages;
    }

    public Uni<Void> enqueue(Account to, Kind kind, Object... args) {
        Locale locale = Locale.forLanguageTag(to.language);
        String key = "mail." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Object[] all = new Object[args.length + 1];
        all[0] = to.fullName;
        System.arraycopy(args, 0, all, 1, args.length);
        return queue.enqueue(OutgoingMail.of(to.email, kind.name(), messages.get(locale, key + ".subject", all),
                messages.get(locale, key + ".body", all))).replaceWithVoid();
    }

    /**
     * A text (SMS) to {@code phone} in the account's language ({@code text.<kind>} in the messages bundles, the
     * account's name first among the arguments), queued like a mail.
     */
    public Uni<Void> text(Account to, String phone, Kind kind, Object... args) {
        Locale locale = Locale.forLanguageTag(to.language);
        Object[] all = new Object[args.length + 1];
        all[0] = to.fullName;
        System.arraycopy(args, 0, all, 1, args.length);
        String key = "text." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return queue.enqueue(OutgoingMail.text(Channel.SMS, phone, kind.name(), messages.get(locale, key, all))
                .about(to.id.toString())).replaceWithVoid();
    }

    /** After commit: send now rather than at the dispatcher's next tick. */
    public void wake() {
        queue.wake();
    }
}
