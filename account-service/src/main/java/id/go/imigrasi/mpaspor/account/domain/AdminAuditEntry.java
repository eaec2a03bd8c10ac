package id.go.imigrasi.mpaspor.account.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One admin change to an account (who, what, when, to whom), kept for the audit view. */
@Entity
@Table(name = "admin_audit")
public class AdminAuditEntry {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(nullable = false)
    public String action;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "office_code")
    public String officeCode;

    public String detail;
}
