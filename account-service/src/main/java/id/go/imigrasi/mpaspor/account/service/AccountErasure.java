package id.go.imigrasi.mpaspor.account.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements.statement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.account.AccountProblem;
import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.mail.MailOutbox;
import id.go.imigrasi.mpaspor.account.repository.AccountRepository;
import id.go.imigrasi.mpaspor.account.repository.ErasureRepository;
import id.go.imigrasi.mpaspor.account.repository.PrivacyAuditRepository;
import id.go.imigrasi.mpaspor.account.repository.PrivacyAuditRepository.Action;
import id.go.imigrasi.mpaspor.contracts.account.AccountErased;
import id.go.imigrasi.mpaspor.contracts.account.AccountErasureRequested;
import id.go.imigrasi.mpaspor.contracts.application.AccountErasureRefused;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDataErased;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ErasureStatements;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Erasure of an applicant's account (UU PDP: the right to erasure), a saga across the services:
 * <ol>
 * <li>{@link #request}: the holder confirms with their password; the account is locked ({@code ERASURE_PENDING}), every
 * session is revoked, and {@link AccountErasureRequested} goes out.
 * <li>application-service decides, since it knows whether an application is in progress:
 * {@link AccountErasureRefused} ({@link #refused}: the account is active again and the holder gets a mail saying why)
 * or {@link ApplicationDataErased} ({@link #applicationErased}: its part is gone, so the account goes too, by
 * {@link #STATEMENTS}, and {@link AccountErased} tells quota-service, billing-service, biometric-service and
 * upload-service).
 * <li>Each service confirms with its {@code *DataErased} event ({@link #confirmed}); {@link #CONFIRMING} lists who must.
 * </ol>
 * The account row stays, as {@code ERASED} with no personal data (a placeholder address at {@code .invalid}, no name,
 * no phone, no usable password), so that the ids other services keep never name another account; the request and the
 * confirmations ({@code account_erasure}, {@code account_erasure_confirmation}) are the record that it was done.
 */
@ApplicationScoped
public class AccountErasure {

    /**
     * The services that confirm an erasure, each with its {@code *DataErased} event. upload-service is one since it
     * owns the uploads (rows and stored bytes): application-service's erasure no longer removes them.
     */
    public static final List<String> CONFIRMING = List.of("application", "quota", "billing", "biometric", "upload");

    /** What an erased account's address becomes: unique, never deliverable (RFC 2606 {@code .invalid}). */
    static final String ERASED_EMAIL = "'erased-' || id || '@erased.invalid'";

    private static final String EMAIL = "(SELECT email FROM account WHERE id = CAST(:account AS uuid))";

    /** account-service's own part, in order (what names the person by address goes before the address). */
    static final ErasureStatements STATEMENTS = ErasureStatements.of(
            statement("outbox", "DELETE FROM outbox WHERE sent_at IS NOT NULL AND aggregate_id = :account"),
            // mails to the address and texts to the number (issue 22)
            statement("queued_mail", "DELETE FROM queued_mail WHERE recipient = " + EMAIL
                    + " OR recipient = (SELECT phone FROM account WHERE id = CAST(:account AS uuid))"),
            // the phone codes' limits are counted under 'phone:<account id>' (NotificationSettings.limitKey)
            statement("otp_request", "DELETE FROM otp_request WHERE email = " + EMAIL + " OR email = 'phone:' || :account"),
            statement("otp_guard", "DELETE FROM otp_guard WHERE email = " + EMAIL + " OR email = 'phone:' || :account"),
            statement("login_guard", "DELETE FROM login_guard WHERE email = " + EMAIL),
            statement("otp", "DELETE FROM otp WHERE account_id = CAST(:account AS uuid)"),
            statement("refresh_token", "DELETE FROM refresh_token WHERE account_id = CAST(:account AS uuid)"),
            // the proof of consent stays (append-only), without the client address: the one change its trigger allows
            statement("privacy_consent", "UPDATE privacy_consent SET client_address = NULL"
                    + " WHERE account_id = CAST(:account AS uuid) AND client_address IS NOT NULL"),
            statement("data_export_part", "DELETE FROM data_export_part WHERE export_id IN"
                    + " (SELECT id FROM data_export WHERE account_id = CAST(:account AS uuid))"),
            statement("data_export", "UPDATE data_export SET json = NULL, pdf = NULL, status = 'EXPIRED'"
                    + " WHERE account_id = CAST(:account AS uuid) AND (json IS NOT NULL OR pdf IS NOT NULL"
                    + " OR status <> 'EXPIRED')"),
            statement("account", "UPDATE account SET email = " + ERASED_EMAIL + ", full_name = '', phone = NULL,"
                    + " phone_verified_at = NULL, notify_channels = 'EMAIL',"
                    + " password_hash = '!', status = 'ERASED', version = version + 1"
                    + " WHERE id = CAST(:account AS uuid) AND status <> 'ERASED'"));

    /** What the holder sees after asking. */
    public record Requested(String status, Instant requestedAt) {
    }

    private final AccountRepository accounts;
    private final ErasureRepository erasures;
    private final PrivacyAuditRepository audit;
    private final AuthService auth;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    private final SessionRevocation sessions;
    private final SecurityLog security;
    private final MailOutbox mail;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public AccountErasure(AccountRepository accounts, ErasureRepository erasures, PrivacyAuditRepository audit,
            AuthService auth,
            LoginThrottle throttle, PasswordHasher hasher, SessionRevocation sessions, SecurityLog security,
            MailOutbox mail, Outbox outbox, ObjectMapper json, Clock clock) {
        this.accounts = accounts;
        this.erasures = erasures;
        this.audit = audit;
        this.auth = auth;
        this.throttle = throttle;
        this.hasher = hasher;
        this.sessions = sessions;
        this.security = security;
        this.mail = mail;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The holder asks, with their password (attempts count toward the login lockout, as a password change's do). The
     * answer comes before the services have acted: 202, {@code ERASURE_PENDING}.
     */
    public Uni<Requested> request(String accountId, String password, String client) {
        UUID id = UUID.fromString(accountId);
        return hasher.admit(() -> Panache.withSession(() -> accounts.findById(id)).chain(account -> {
            if (account == null || account.status != Account.Status.ACTIVE) {
                return Uni.createFrom().failure(ProblemException.of(AccountProblem.ACCOUNT_ERASURE_PENDING));
            }
            return auth.throttled(account.email, client)
                    .chain(() -> hasher.verify(password == null ? "" : password, account.passwordHash))
                    .chain(ok -> ok ? throttle.succeeded(account.email, client).chain(() -> lock(id))
                            : wrongPassword(account, client));
        }));
    }

    private Uni<Requested> wrongPassword(Account account, String client) {
        security.log(SecurityLog.Event.ERASURE_PASSWORD_WRONG, "account_id", account.id, "client", client);
        return Panache.withTransaction(() -> auth.failed(account.email, client, account))
                .chain(locked -> Uni.createFrom().failure(locked.isPresent()
                        ? LoginThrottle.locked(throttle.lockDuration())
                        : new ProblemException(AccountProblem.WRONG_CURRENT_PASSWORD, List.of(),
                                List.of(FieldError.of("password", "account.erasure.wrong-password")), null)));
    }

    private Uni<Requested> lock(UUID id) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> accounts.findById(id).chain(account -> {
            if (account.status != Account.Status.ACTIVE) {
                // two requests at once: the first one locked it
                return Uni.createFrom().failure(ProblemException.of(AccountProblem.ACCOUNT_ERASURE_PENDING));
            }
            account.status = Account.Status.ERASURE_PENDING;
            security.log(SecurityLog.Event.ERASURE_REQUESTED, "account_id", id);
            return erasures.insert(UUID.randomUUID(), id, now)
                    .chain(() -> audit.record(id, Action.ERASURE_REQUESTED, "holder", "confirmed with the password", now))
                    .chain(() -> outbox.append(new AccountErasureRequested(id.toString(), now)))
                    .chain(() -> sessions.revokeAllExcept(id, null, SessionRevocation.Reason.ACCOUNT_ERASURE, now))
                    .replaceWith(new Requested(Account.Status.ERASURE_PENDING.name(), now));
        }));
    }

    /** application-service refused (applications in progress): the account is active again, and the holder told. */
    public Uni<Void> refused(AccountErasureRefused refusal) {
        UUID id = UUID.fromString(refusal.accountId());
        return erasures.decide(id, "REFUSED", refusal.refusedAt(), String.join(",", refusal.applicationIds()))
                .chain(decided -> decided == 0 ? Uni.createFrom().voidItem() : accounts.findById(id).chain(account -> {
                    if (account == null || account.status != Account.Status.ERASURE_PENDING) {
                        return Uni.createFrom().voidItem();
                    }
                    account.status = Account.Status.ACTIVE;
                    return audit.record(id, Action.ERASURE_REFUSED, "application-service", "applications in progress: "
                            + String.join(", ", refusal.applicationIds()), refusal.refusedAt()).chain(() -> mail.enqueue(account, MailOutbox.Kind.ERASURE_REFUSED, refusal.applicationIds().size()));
                }));
    }

    /** application-service erased its part: the account's own data goes, and the other services are told. */
    public Uni<Void> applicationErased(ApplicationDataErased erased) {
        UUID id = UUID.fromString(erased.accountId());
        Instant now = clock.instant();
        return confirmed("application", erased.accountId(), erased.removed(), erased.erasedAt())
                .chain(() -> erasures.decide(id, "ERASED", now, null))
                .chain(decided -> decided == 0 ? Uni.createFrom().voidItem()
                        : STATEMENTS.eraseAndConfirm(erased.accountId(), outbox,
                                removed -> new AccountErased(erased.accountId(), now))
                                .chain(() -> audit.record(id, Action.ACCOUNT_ERASED, "account-service",
                                        "the account's own data; the other services told", now)));
    }

    /** A service's confirmation, recorded once. */
    public Uni<Void> confirmed(String service, String accountId, Map<String, Integer> removed, Instant erasedAt) {
        String counts;
        try {
            counts = json.writeValueAsString(removed == null ? Map.of() : removed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return erasures.confirm(UUID.fromString(accountId), service, erasedAt, counts, clock.instant())
                .chain(fresh -> fresh == 0 ? Uni.createFrom().voidItem()
                        : audit.record(UUID.fromString(accountId), Action.ACCOUNT_ERASED, service, counts, erasedAt));
    }

    /** The audit of the persons' rights, latest first: of one account, or all (admins). */
    public Uni<List<PrivacyAuditRepository.Entry>> audit(UUID accountId, int limit) {
        return Panache.withSession(() -> audit.latest(accountId, limit));
    }

    /** The latest requests with their confirmations (admins). */
    public Uni<List<ErasureRepository.Row>> latest(int limit) {
        return Panache.withSession(() -> erasures.latest(limit));
    }
}
