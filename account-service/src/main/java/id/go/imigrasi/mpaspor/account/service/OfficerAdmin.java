package id.go.imigrasi.mpaspor.account.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.AccountProblem;
import id.go.imigrasi.mpaspor.account.client.OfficeDirectory;
import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.domain.AdminAuditEntry;
import id.go.imigrasi.mpaspor.account.repository.AccountRepository;
import id.go.imigrasi.mpaspor.account.repository.AdminAuditRepository;
import id.go.imigrasi.mpaspor.contracts.account.OfficerDisabled;
import id.go.imigrasi.mpaspor.contracts.account.OfficerMoved;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What an admin does to officers after creating them: list them, disable one (no login any more, every session
 * ended at once), move one to another office (its sessions ended, so the next token carries the new office); each
 * change with its event and audit row ({@link OfficerAudit}) in the change's transaction. Disabling or moving to
 * the same office again changes nothing and records nothing.
 */
@ApplicationScoped
public class OfficerAdmin {

    private static final Pattern OFFICE_CODE = Pattern.compile("[A-Z0-9]{2,12}");
    public static final int AUDIT_MAX = 200;

    private final AccountRepository accounts;
    private final AdminAuditRepository audit;
    private final OfficerAudit officerAudit;
    private final SessionRevocation sessions;
    private final OfficeDirectory offices;
    private final Clock clock;

    public OfficerAdmin(AccountRepository accounts, AdminAuditRepository audit, OfficerAudit officerAudit,
            SessionRevocation sessions, OfficeDirectory offices, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.officerAudit = officerAudit;
        this.sessions = sessions;
        this.offices = offices;
        this.clock = clock;
    }

    public Uni<List<Account>> officers(String officeCode) {
        if (officeCode != null && !OFFICE_CODE.matcher(officeCode).matches()) {
            return Uni.createFrom().failure(ProblemException.invalid("officeCode", "account.office-code.invalid"));
        }
        return Panache.withSession(() -> accounts.officers(officeCode));
    }

    public Uni<Account> disable(String officerId, String byAdmin) {
        UUID id = parse(officerId);
        return Panache.withTransaction(() -> officer(id).chain(officer -> {
            if (officer.status == Account.Status.DISABLED) {
                return Uni.createFrom().item(officer);
            }
            Instant now = clock.instant();
            officer.status = Account.Status.DISABLED;
            return sessions.revokeAllExcept(officer.id, null, SessionRevocation.Reason.OFFICER_DISABLED, now)
                    .chain(() -> officerAudit.record(new OfficerDisabled(officer.id.toString(), officer.officeCode,
                            byAdmin, now), officer.officeCode, null))
                    .replaceWith(officer);
        }));
    }

    public Uni<Account> move(String officerId, String toOffice, String byAdmin) {
        UUID id = parse(officerId);
        if (toOffice == null || !OFFICE_CODE.matcher(toOffice).matches()) {
            return Uni.createFrom().failure(ProblemException.invalid("officeCode", "account.office-code.invalid"));
        }
        return offices.exists(toOffice).chain(known -> known ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ProblemException(AccountProblem.UNKNOWN_OFFICE, List.of(),
                        List.of(FieldError.of("officeCode", "account.office-code.unknown", toOffice)), null)))
                .chain(() -> Panache.withTransaction(() -> officer(id).chain(officer -> {
                    if (toOffice.equals(officer.officeCode)) {
                        return Uni.createFrom().item(officer);
                    }
                    Instant now = clock.instant();
                    String from = officer.officeCode;
                    officer.officeCode = toOffice;
                    return sessions.revokeAllExcept(officer.id, null, SessionRevocation.Reason.OFFICER_MOVED, now)
                            .chain(() -> officerAudit.record(new OfficerMoved(officer.id.toString(), from, toOffice,
                                    byAdmin, now), toOffice, from + " -> " + toOffice))
                            .replaceWith(officer);
                })));
    }

    /** The latest admin changes to officers, newest first, of one office or all. */
    public Uni<List<AdminAuditEntry>> audit(String officeCode, int limit) {
        return Panache.withSession(() -> audit.latest(officeCode, Math.max(1, Math.min(AUDIT_MAX, limit))));
    }

    private Uni<Account> officer(UUID id) {
        return accounts.findById(id).map(a -> {
            if (a == null || a.role != Account.Role.OFFICER) {
                throw ProblemException.of(AccountProblem.NOT_AN_OFFICER);
            }
            return a;
        });
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.of(AccountProblem.NOT_AN_OFFICER);
        }
    }
}
