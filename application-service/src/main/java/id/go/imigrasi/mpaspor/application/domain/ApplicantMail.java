package id.go.imigrasi.mpaspor.application.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mail to the applicant, queued in the transaction of the step that calls for it. */
@Entity
@Table(name = "applicant_mail")
public class ApplicantMail {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(nullable = false)
    public int tries;

    public String error;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
