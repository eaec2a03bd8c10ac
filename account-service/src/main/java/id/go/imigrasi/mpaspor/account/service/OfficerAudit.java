package id.go.imigrasi.mpaspor.account.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.AdminAuditEntry;
import id.go.imigrasi.mpaspor.account.repository.AdminAuditRepository;
import id.go.imigrasi.mpaspor.contracts.account.AccountRegistered;
import id.go.imigrasi.mpaspor.contracts.account.OfficerCreated;
import id.go.imigrasi.mpaspor.contracts.account.OfficerDisabled;
import id.go.imigrasi.mpaspor.contracts.account.OfficerMoved;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * An admin's change to an officer, or an officer's registration of a person at the desk, recorded twice in the caller's transaction: its event in the outbox (on
 * {@code account.events} for whoever follows them) and a row of {@code admin_audit} for the audit view (who, what,
 * when, to whom, which office).
 */
@ApplicationScoped
public class OfficerAudit {

    private final Outbox outbox;
    private final AdminAuditRepository audit;

    public OfficerAudit(Outbox outbox, AdminAuditRepository audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    public Uni<Void> record(IntegrationEvent event, String officeCode, String detail) {
        AdminAuditEntry entry = new AdminAuditEntry();
        entry.id = UUID.randomUUID();
        entry.officeCode = officeCode;
        entry.detail = detail;
        if (event instanceof OfficerCreated e) {
            fill(entry, "OfficerCreated", e.byAdmin(), e.accountId(), e.at());
        } else if (event instanceof OfficerDisabled e) {
            fill(entry, "OfficerDisabled", e.byAdmin(), e.accountId(), e.at());
        } else if (event instanceof OfficerMoved e) {
            fill(entry, "OfficerMoved", e.byAdmin(), e.accountId(), e.at());
        } else if (event instanceof AccountRegistered e && e.assistedBy() != null) {
            fill(entry, "AssistedRegistration", e.assistedBy(), e.accountId(), e.registeredAt());
        } else {
            throw new IllegalArgumentException("not an officer change: " + event);
        }
        return outbox.append(event).chain(() -> audit.persist(entry)).replaceWithVoid();
    }

    private static void fill(AdminAuditEntry entry, String action, String actor, String subject,
            java.time.Instant at) {
        entry.action = action;
        entry.actorId = actor == null ? "system" : actor;
        entry.subjectId = subject;
        entry.at = at;
    }
}
