package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.account.AccountProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.client.OfficeDirectory;
import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.domain.Otp;
import id.go.imigrasi.mpaspor.account.mail.MailOutbox;
import id.go.imigrasi.mpaspor.account.repository.AccountRepository;
import id.go.imigrasi.mpaspor.contracts.account.AccountRegistered;
import id.go.imigrasi.mpaspor.contracts.account.AccountVerified;
import id.go.imigrasi.mpaspor.contracts.account.OfficerCreated;
import id.go.imigrasi.mpaspor.contracts.account.PasswordChanged;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The account lifecycle: registration, email verification, OTP requests, password change and reset, officer
 * accounts. Password hashing happens outside transactions (it is the expensive part); each state change and its
 * event and email are written in one transaction.
 */
@ApplicationScoped
public class AccountService {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static final Pattern OFFICE_CODE = Pattern.compile("[A-Z0-9]{2,12}");

    private final AccountRepository accounts;
    private final SessionRevocation sessions;
    private final AuthService auth;
    private final LoginThrottle throttle;
    private final SecurityLog security;
    private final OtpPolicy otp;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final MailOutbox mail;
    private final Outbox outbox;
    private final OfficeDirectory offices;
    private final OfficerAudit officerAudit;
    private final PrivacyConsents privacy;

    private final Clock clock;

    public AccountService(AccountRepository accounts, SessionRevocation sessions, AuthService auth,
            LoginThrottle throttle, SecurityLog security, OtpPolicy otp, PasswordHasher hasher,
            PasswordPolicy passwords, MailOutbox mail, Outbox outbox, OfficeDirectory offices, OfficerAudit officerAudit,
            PrivacyConsents privacy, Clock clock) {
        this.privacy = privacy;
        this.offices = offices;
        this.officerAudit = officerAudit;
        this.clock = clock;
        this.accounts = accounts;
        this.sessions = sessions;
        this.auth = auth;
        this.throttle = throttle;
        this.security = security;
        this.otp = otp;
        this.hasher = hasher;
        this.passwords = passwords;
        this.mail = mail;
        this.outbox = outbox;
    }

    /**
     * A new applicant account, PENDING_VERIFICATION, with a verification code on its way. A taken email is answered
     * exactly the same (same status and body shape, an id that leads nowhere, the same password hashing first, the
     * same resend limits), and its owner gets a "someone tried to register with your address" mail instead: the
     * answer never tells whether an email has an account.
     * <p>
     * The registration must accept the current privacy notice ({@code noticeVersion}): absent or an older version is
     * 422 {@code privacy-notice-not-accepted} with a field error on {@code privacyNoticeVersion} (with other field
     * errors it is one more of them, in the 400 validation problem), and nothing is created. The acceptance is recorded with
     * the account (language, {@code client} address) in the same transaction.
     */
    public Uni<Account> register(Registration r, String noticeVersion, String language, String client) {
        List<FieldError> errors = validate(r, false);
        var consent = privacy.check("privacyNoticeVersion", noticeVersion);
        if (consent.isPresent()) {
            if (errors.isEmpty()) {
                return Uni.createFrom().failure(privacy.notAccepted(List.of(consent.get())));
            }
            errors.add(consent.get());
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return hasher.admit(() -> hasher.hash(r.password())).chain(hash -> Panache.withTransaction(() -> {
            Instant now = clock.instant();
            Account account = newAccount(r, hash, Account.Role.APPLICANT, Account.Status.PENDING_VERIFICATION,
                    language, now);
            // the resend limits first: they serialise the registrations of one email, and apply to taken ones too
            return otp.admit(account.email, Otp.Purpose.VERIFY_EMAIL, now)
                    .chain(() -> accounts.findByEmail(account.email))
                    .chain(existing -> existing != null ? registrationAttempt(existing, account)
                            : accounts.persistAndFlush(account)
                                    .chain(() -> privacy.record(account.id, language, client))
                                    .chain(() -> otp.issue(account, Otp.Purpose.VERIFY_EMAIL, now))
                                    .chain(() -> outbox.append(registered(account)))
                                    .replaceWith(account));
        })).invoke(mail::wake);
    }

    /** The owner of a taken email is told; the caller gets what a new registration gets, minus the account. */
    private Uni<Account> registrationAttempt(Account owner, Account attempted) {
        security.log(SecurityLog.Event.REGISTRATION_EMAIL_TAKEN, "account_id", owner.id,
                "email", SecurityLog.mask(owner.email));
        attempted.id = UUID.randomUUID();
        return mail.enqueue(owner, MailOutbox.Kind.REGISTRATION_ATTEMPT).replaceWith(attempted);
    }

    /**
     * An officer of an office, created by an admin, usable at once. The office must exist (quota-service's
     * catalogue, {@link OfficeDirectory}): an unknown one is 422 {@code unknown-office} with a field error, and when
     * quota cannot tell, 503 + Retry-After; nothing is created in either case.
     */
    public Uni<Account> createOfficer(Registration r, String byAdmin) {
        List<FieldError> errors = validate(r, true);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return offices.exists(r.officeCode()).chain(known -> known ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ProblemException(AccountProblem.UNKNOWN_OFFICE, List.of(),
                        List.of(FieldError.of("officeCode", "account.office-code.unknown", r.officeCode())), null)))
                .chain(() -> hasher.admit(() -> hasher.hash(r.password()))).chain(hash -> Panache.withTransaction(() -> {
            Account account = newAccount(r, hash, Account.Role.OFFICER, Account.Status.ACTIVE, "id", clock.instant());
            account.officeCode = r.officeCode();
            account.verifiedAt = account.createdAt;
            return insert(account).chain(() -> outbox.append(registered(account)))
                    .chain(() -> officerAudit.record(new OfficerCreated(account.id.toString(), account.officeCode,
                            byAdmin, account.createdAt), account.officeCode, null))
                    .replaceWith(account);
        })).invoke(officer -> security.log(SecurityLog.Event.OFFICER_CREATED, "account_id", officer.id,
                "email", SecurityLog.mask(officer.email), "office_code", officer.officeCode));
    }

    /**
     * An operations account (role {@code ops}: the ops console, issue 18), created by an admin, usable at once. The
     * same fields and checks as a registration; no office.
     */
    public Uni<Account> createOps(Registration r) {
        List<FieldError> errors = validate(r, false);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return hasher.admit(() -> hasher.hash(r.password())).chain(hash -> Panache.withTransaction(() -> {
            Account account = newAccount(r, hash, Account.Role.OPS, Account.Status.ACTIVE, "id", clock.instant());
            account.verifiedAt = account.createdAt;
            return insert(account).chain(() -> outbox.append(registered(account))).replaceWith(account);
        })).invoke(ops -> security.log(SecurityLog.Event.OPS_ACCOUNT_CREATED, "account_id", ops.id,
                "email", SecurityLog.mask(ops.email)));
    }

    /**
     * Assisted registration (issue 19): an officer at a desk registers a person without a smartphone, who has shown
     * their e-KTP and had the privacy notice ({@code noticeVersion}, the current one) explained. The same fields and
     * checks as a registration, without a password: the account gets an unusable random one, is usable at once
     * through the desk session ({@link DeskSessions}), and its holder can take it over later by setting a password
     * with the reset code sent to the address. Recorded as the officer's: the account names them
     * ({@code assisted_by}, {@code assisted_office}), and so do {@code AccountRegistered} and the admin audit row.
     * A taken address is 409 {@code email-taken} (the officer is told, the owner is not mailed).
     */
    public Uni<Account> registerAssisted(Registration r, String noticeVersion, String language, UUID officerId,
            String officeCode) {
        List<FieldError> errors = validate(r, false, false);
        privacy.check("privacyNoticeVersion", noticeVersion).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        String unusable = java.util.Base64.getEncoder().encodeToString(randomBytes());
        return hasher.admit(() -> hasher.hash(unusable)).chain(hash -> Panache.withTransaction(() -> {
            Instant now = clock.instant();
            Account account = newAccount(r, hash, Account.Role.APPLICANT, Account.Status.ACTIVE, language, now);
            account.verifiedAt = now;
            account.assistedBy = officerId;
            account.assistedOffice = officeCode;
            AccountRegistered event = new AccountRegistered(account.id.toString(), account.email, account.fullName,
                    account.phone, account.role.name(), now, officerId.toString(), officeCode);
            return insert(account)
                    .chain(() -> privacy.record(account.id, language, "desk:" + officeCode))
                    .chain(() -> officerAudit.record(event, officeCode, null))
                    .chain(() -> mail.enqueue(account, MailOutbox.Kind.ASSISTED_WELCOME, officeCode))
                    .replaceWith(account);
        })).invoke(mail::wake).invoke(a -> security.log(SecurityLog.Event.ASSISTED_REGISTRATION, "account_id", a.id,
                "email", SecurityLog.mask(a.email), "officer_id", officerId, "office_code", officeCode));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The first admin, from configuration, when it does not exist yet. */
    public Uni<Boolean> ensureAdmin(String email, String passwordHash) {
        String normalized = Contacts.normalizeEmail(email);
        return Panache.withTransaction(() -> accounts.findByEmail(normalized).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            Account admin = newAccount(new Registration("Administrator", normalized, null, null, null), passwordHash,
                    Account.Role.ADMIN, Account.Status.ACTIVE, "id", clock.instant());
            admin.verifiedAt = admin.createdAt;
            return accounts.persist(admin).chain(() -> outbox.append(registered(admin))).replaceWith(true);
        }));
    }

    /**
     * Confirms the email with the code; the outcome is committed before an error is answered. The code is checked
     * before anything about the account is revealed: an unknown email, an already verified account and a wrong
     * or expired code all get the same answer.
     */
    public Uni<OtpPolicy.Check> verifyEmail(String email, String code) {
        String normalized = Contacts.normalizeEmail(email);
        return Panache.withTransaction(() -> accounts.findByEmail(normalized).chain(account -> {
            Instant now = clock.instant();
            return otp.check(normalized, account, Otp.Purpose.VERIFY_EMAIL, code, now).call(check -> check.accepted()
                    ? activate(account, now).chain(() -> mail.enqueue(account, MailOutbox.Kind.WELCOME))
                    : Uni.createFrom().voidItem());
        })).invoke(mail::wake);
    }

    /**
     * Sends a code for {@code purpose} when that makes sense for the account. The answer is the same whether the
     * email is known or not; only the limits (429) apply, and they apply to every email.
     */
    public Uni<Void> requestOtp(String email, Otp.Purpose purpose) {
        String normalized = Contacts.normalizeEmail(email);
        return Panache.withTransaction(() -> {
            Instant now = clock.instant();
            return otp.admit(normalized, purpose, now).chain(() -> accounts.findByEmail(normalized)).chain(account -> {
                boolean relevant = account != null && (purpose == Otp.Purpose.RESET_PASSWORD || !account.isActive());
                return relevant ? otp.issue(account, purpose, now) : Uni.createFrom().voidItem();
            });
        }).invoke(mail::wake);
    }

    public Uni<Account> find(String accountId) {
        return Panache.withSession(() -> accounts.findById(UUID.fromString(accountId)))
                .onItem().ifNull().failWith(() -> ProblemException.of(CommonProblem.NOT_FOUND));
    }

    /**
     * Needs the current password; keeps the session {@code keepSession} and revokes every other one. Attempts at
     * the current password count toward the login lockout of (email, {@code client}).
     */
    public Uni<Void> changePassword(String accountId, String keepSession, String current, String replacement,
            String client) {
        return hasher.admit(() -> find(accountId).chain(account -> {
            var weak = passwords.check("newPassword", replacement, account.email);
            if (weak.isPresent()) {
                return Uni.createFrom().failure(ProblemException.invalid(List.of(weak.get())));
            }
            return auth.throttled(account.email, client)
                    .chain(() -> hasher.verify(current == null ? "" : current, account.passwordHash))
                    .chain(ok -> {
                        if (!ok) {
                            security.log(SecurityLog.Event.PASSWORD_CHANGE_FAILED, "account_id", account.id,
                                    "client", client);
                            return Panache.withTransaction(() -> auth.failed(account.email, client, account))
                                    .chain(locked -> Uni.createFrom().failure(locked.isPresent()
                                            ? LoginThrottle.locked(throttle.lockDuration())
                                            : new ProblemException(AccountProblem.WRONG_CURRENT_PASSWORD, List.of(),
                                                    List.of(FieldError.of("currentPassword", "account.password.wrong-current")), null)));
                        }
                        return throttle.succeeded(account.email, client).chain(() -> hasher.hash(replacement))
                                .chain(hash -> Panache.withTransaction(() -> accounts.findById(account.id)
                                        .chain(fresh -> replacePassword(fresh, hash,
                                                keepSession == null ? null : UUID.fromString(keepSession),
                                                SessionRevocation.Reason.PASSWORD_CHANGED, clock.instant()))));
                    });
        })).invoke(mail::wake);
    }

    /** With a reset code from the mailbox; revokes every session. The outcome is committed before an error. */
    public Uni<OtpPolicy.Check> resetPassword(String email, String code, String replacement) {
        String normalized = Contacts.normalizeEmail(email);
        var weak = passwords.check("newPassword", replacement, normalized);
        if (weak.isPresent()) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(weak.get())));
        }
        return hasher.admit(() -> hasher.hash(replacement)).chain(hash -> Panache.withTransaction(() -> accounts.findByEmail(normalized)
                .chain(account -> {
                    Instant now = clock.instant();
                    return otp.check(normalized, account, Otp.Purpose.RESET_PASSWORD, code, now).call(check -> {
                        if (!check.accepted()) {
                            return Uni.createFrom().voidItem();
                        }
                        // the code proves the mailbox: a still unverified account is verified by it too
                        Uni<Void> verified = account.isActive() ? Uni.createFrom().voidItem() : activate(account, now);
                        return verified.chain(() -> replacePassword(account, hash, null,
                                SessionRevocation.Reason.PASSWORD_RESET, now));
                    });
                }))).invoke(mail::wake);
    }

    private Uni<Void> replacePassword(Account account, String hash, UUID keepSession, SessionRevocation.Reason how,
            Instant now) {
        account.passwordHash = hash;
        account.passwordChangedAt = now;
        security.log(how == SessionRevocation.Reason.PASSWORD_RESET ? SecurityLog.Event.PASSWORD_RESET
                : SecurityLog.Event.PASSWORD_CHANGED, "account_id", account.id);
        return sessions.revokeAllExcept(account.id, keepSession, how, now)
                .chain(() -> outbox.append(new PasswordChanged(account.id.toString(),
                        how == SessionRevocation.Reason.PASSWORD_RESET ? "RESET" : "CHANGE", now)))
                .chain(() -> mail.enqueue(account, MailOutbox.Kind.PASSWORD_CHANGED));
    }

    private Uni<Void> activate(Account account, Instant now) {
        account.status = Account.Status.ACTIVE;
        account.verifiedAt = now;
        return outbox.append(new AccountVerified(account.id.toString(), account.email, now)).replaceWithVoid();
    }

    private Uni<Void> insert(Account account) {
        return accounts.findByEmail(account.email).chain(existing -> existing != null
                ? Uni.createFrom().failure(emailTaken())
                : accounts.persistAndFlush(account).replaceWithVoid())
                .onFailure(AccountService::isUniqueViolation).transform(e -> emailTaken());
    }

    private List<FieldError> validate(Registration r, boolean officer) {
        return validate(r, officer, true);
    }

    private List<FieldError> validate(Registration r, boolean officer, boolean withPassword) {
        List<FieldError> errors = new ArrayList<>();
        if (r.fullName() == null || r.fullName().isBlank()) {
            errors.add(FieldError.of("name", "jakarta.validation.constraints.NotBlank.message"));
        } else if (r.fullName().trim().length() > 100) {
            errors.add(FieldError.of("name", "account.name.too-long", 100));
        }
        if (r.email() == null || r.email().isBlank()) {
            errors.add(FieldError.of("email", "jakarta.validation.constraints.NotBlank.message"));
        } else if (!Contacts.isEmail(r.email())) {
            errors.add(FieldError.of("email", "jakarta.validation.constraints.Email.message"));
        }
        if (officer) {
            if (r.officeCode() == null || !OFFICE_CODE.matcher(r.officeCode()).matches()) {
                errors.add(FieldError.of("officeCode", "account.office-code.invalid"));
            }
        } else if (r.phone() == null || r.phone().isBlank()) {
            errors.add(FieldError.of("phone", "jakarta.validation.constraints.NotBlank.message"));
        }
        if (r.phone() != null && !r.phone().isBlank() && Contacts.normalizePhone(r.phone()).isEmpty()) {
            errors.add(FieldError.of("phone", "account.phone.invalid"));
        }
        if (withPassword) {
            passwords.check("password", r.password(), r.email()).ifPresent(errors::add);
        }
        return errors;
    }

    private static Account newAccount(Registration r, String hash, Account.Role role, Account.Status status,
            String language, Instant now) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.email = Contacts.normalizeEmail(r.email());
        account.fullName = r.fullName().trim();
        account.phone = r.phone() == null || r.phone().isBlank() ? null : Contacts.normalizePhone(r.phone()).orElse(null);
        account.passwordHash = hash;
        account.role = role;
        account.status = status;
        account.language = language;
        account.createdAt = now;
        return account;
    }

    private static AccountRegistered registered(Account a) {
        return new AccountRegistered(a.id.toString(), a.email, a.fullName, a.phone, a.role.name(), a.createdAt);
    }

    private static ProblemException emailTaken() {
        return new ProblemException(AccountProblem.EMAIL_TAKEN, List.of(),
                List.of(FieldError.of("email", "account.email.taken")), null);
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
