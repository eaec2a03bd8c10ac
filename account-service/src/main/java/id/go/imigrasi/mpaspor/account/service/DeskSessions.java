package id.go.imigrasi.mpaspor.account.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.AccountProblem;
import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.domain.RefreshToken;
import id.go.imigrasi.mpaspor.account.repository.AccountRepository;
import id.go.imigrasi.mpaspor.account.repository.RefreshTokenRepository;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A desk session (assisted registration, issue 19): an officer acting, through the same public API as everyone, for
 * a person they registered at their office's desk. Its tokens are the person's (subject and role), with the officer
 * in the {@code act} claim ({@link TokenIssuer}); so every service applies its ownership rules unchanged and can
 * record who was at the keyboard. The rule of who may open one:
 * <ul>
 * <li>an officer of the office whose desk registered the account ({@code assisted_office});</li>
 * <li>while the holder has not taken the account over: setting a password (the reset code) ends every desk
 * session and no new one can be opened; any other account is 404 {@code desk-session-refused}, so accounts cannot
 * be probed;</li>
 * <li>a session lasts at most {@code mpaspor.account.jwt.desk-session-lifetime} (2 h) however often it is
 * refreshed, and ends at its next refresh once the officer is disabled or moved to another office.</li>
 * </ul>
 */
@ApplicationScoped
public class DeskSessions {

    private final AccountRepository accounts;
    private final RefreshTokenRepository refreshTokens;
    private final TokenIssuer tokens;
    private final SecurityLog log;
    private final Clock clock;

    public DeskSessions(AccountRepository accounts, RefreshTokenRepository refreshTokens, TokenIssuer tokens,
            SecurityLog log, Clock clock) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.log = log;
        this.clock = clock;
    }

    /** A new desk session for an account registered at this office's desk (its own transaction). */
    public Uni<TokenIssuer.Tokens> open(String accountId, UUID officerId, String officeCode) {
        UUID id;
        try {
            id = UUID.fromString(accountId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().failure(ProblemException.of(AccountProblem.DESK_SESSION_REFUSED));
        }
        return Panache.withTransaction(() -> accounts.findById(id).chain(account -> {
            if (!mayOpen(account, officeCode)) {
                throw ProblemException.of(AccountProblem.DESK_SESSION_REFUSED);
            }
            TokenIssuer.Issued issued = tokens.issue(account, UUID.randomUUID(), clock.instant(), officerId,
                    officeCode);
            log.log(SecurityLog.Event.DESK_SESSION_OPENED, "account_id", account.id, "officer_id", officerId,
                    "office_code", officeCode, "session_id", issued.row().familyId);
            return refreshTokens.persist(issued.row()).replaceWith(issued.tokens());
        }));
    }

    /** The rule: registered at this office's desk, usable, and not taken over by its holder. */
    static boolean mayOpen(Account account, String officeCode) {
        return account != null && account.role == Account.Role.APPLICANT && account.isActive()
                && officeCode != null && officeCode.equals(account.assistedOffice) && account.passwordChangedAt == null;
    }

    /**
     * At a refresh: a desk session's officer must still be an active officer of the session's office (in the
     * caller's transaction); any other session is unaffected.
     */
    public Uni<Boolean> stillAtTheDesk(RefreshToken row) {
        if (row.actorId == null) {
            return Uni.createFrom().item(true);
        }
        return accounts.findById(row.actorId).map(officer -> officer != null && officer.role == Account.Role.OFFICER
                && officer.isActive() && row.actorOffice.equals(officer.officeCode));
    }
}
