package id.go.imigrasi.mpaspor.application.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One resend of an application's mail someone asked for (V140): the rate limit's record and its audit. */
@Entity
@Table(name = "mail_resend")
public class MailResend {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(nullable = false, updatable = false)
    public String kind;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_by_role", nullable = false, updatable = false)
    public Party requestedByRole;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;
}
