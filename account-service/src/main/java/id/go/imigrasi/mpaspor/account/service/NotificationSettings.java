package id.go.imigrasi.mpaspor.account.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.domain.NotificationChannels;
import id.go.imigrasi.mpaspor.account.domain.Otp;
import id.go.imigrasi.mpaspor.account.mail.MailOutbox;
import id.go.imigrasi.mpaspor.account.repository.AccountRepository;
import id.go.imigrasi.mpaspor.account.repository.OtpRepository;
import id.go.imigrasi.mpaspor.contracts.account.NotificationPreferencesChanged;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * How the holder wants to be told (issue 22): the channels and the language ({@link NotificationChannels} is the
 * rule), and the proof of the mobile number a text may go to. A number is proven by a code sent by SMS to that number
 * ({@link OtpPolicy#issueToPhone}, the same lifetime, attempt and resend limits as the e-mail codes, counted per
 * account apart from them: {@link #limitKey}); until the code comes back the account keeps its old number and channels. Every change publishes
 * {@link NotificationPreferencesChanged} through the outbox, in the change's transaction, for the services that send
 * notifications.
 */
@ApplicationScoped
public class NotificationSettings {

    /** The holder's preferences as the API shows them. */
    public record Preferences(List<String> channels, String language, String email, String phone,
            Instant phoneVerifiedAt) {

        static Preferences of(Account a) {
            return new Preferences(NotificationChannels.read(a.notifyChannels), a.language, a.email, a.phone,
                    a.phoneVerifiedAt);
        }
    }

    /** A phone code's check, committed, and the preferences after it. */
    public record PhoneCheck(OtpPolicy.Check check, Preferences preferences) {
    }

    private final AccountRepository accounts;
    private final OtpPolicy otp;
    private final OtpRepository otps;
    private final MailOutbox mail;
    private final Outbox outbox;
    private final Clock clock;

    public NotificationSettings(AccountRepository accounts, OtpPolicy otp, OtpRepository otps, MailOutbox mail,
            Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.otp = otp;
        this.otps = otps;
        this.mail = mail;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Preferences> view(String accountId) {
        return Panache.withSession(() -> account(accountId)).map(Preferences::of);
    }

    /** Chooses the channels and the language; 400 with the reasons, nothing changed, when the rule refuses. */
    public Uni<Preferences> update(String accountId, List<String> channels, String language) {
        return Panache.withTransaction(() -> account(accountId).chain(account -> {
            NotificationChannels.Choice choice = NotificationChannels.choose(channels, language,
                    account.phoneVerifiedAt != null);
            if (!choice.allowed()) {
                return Uni.createFrom().failure(ProblemException.invalid(choice.refusals().stream()
                        .map(r -> FieldError.of(r.field(), r.messageKey())).toList()));
            }
            if (choice.stored().equals(account.notifyChannels) && language.equals(account.language)) {
                return Uni.createFrom().item(Preferences.of(account));
            }
            account.notifyChannels = choice.stored();
            account.language = language;
            return changed(account, clock.instant()).replaceWith(Preferences.of(account));
        }));
    }

    /**
     * Sends a code by SMS to {@code phone} (any Indonesian mobile form; 400 otherwise). 429 with Retry-After beyond
     * the code limits.
     */
    public Uni<Void> requestPhoneCode(String accountId, String phone) {
        String normalized = Contacts.normalizePhone(phone).orElseThrow(
                () -> ProblemException.invalid("phone", "account.phone.invalid"));
        return Panache.withTransaction(() -> account(accountId).chain(account -> {
            Instant now = clock.instant();
            return otp.admit(limitKey(account), Otp.Purpose.VERIFY_PHONE, now)
                    .chain(() -> otp.issueToPhone(account, normalized, now));
        })).invoke(mail::wake);
    }

    /**
     * The code sent to a number came back: that number becomes the account's, proven. The outcome (a counted wrong
     * attempt too) is committed before an error is answered.
     */
    public Uni<PhoneCheck> confirmPhone(String accountId, String code) {
        return Panache.withTransaction(() -> account(accountId).chain(account -> {
            Instant now = clock.instant();
            return otp.check(limitKey(account), account, Otp.Purpose.VERIFY_PHONE, code, now).chain(check -> {
                if (!check.accepted()) {
                    return Uni.createFrom().item(new PhoneCheck(check, Preferences.of(account)));
                }
                return otps.newest(account.id, Otp.Purpose.VERIFY_PHONE).chain(sent -> {
                    account.phone = sent.target;
                    account.phoneVerifiedAt = now;
                    return changed(account, now).replaceWith(new PhoneCheck(check, Preferences.of(account)));
                });
            });
        }));
    }

    /**
     * What the phone codes' limits are counted under: the account, apart from its e-mail codes, so that asking for a
     * phone code right after the registration's e-mail code is not "too soon". {@code AccountErasure} removes it.
     */
    public static String limitKey(Account account) {
        return "phone:" + account.id;
    }

    private Uni<Account> account(String accountId) {
        return accounts.findById(UUID.fromString(accountId))
                .onItem().ifNull().failWith(() -> ProblemException.of(CommonProblem.NOT_FOUND));
    }

    private Uni<Void> changed(Account account, Instant now) {
        return outbox.append(new NotificationPreferencesChanged(account.id.toString(), account.email,
                account.phoneVerifiedAt == null ? null : account.phone, NotificationChannels.read(account.notifyChannels),
                account.language, now)).replaceWithVoid();
    }
}
