package id.go.imigrasi.mpaspor.application.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit row of one field corrected after submission (V140): who, when, the old and new value, and why. */
@Entity
@Table(name = "applicant_correction")
public class ApplicantCorrection {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(name = "applicant_id", nullable = false, updatable = false)
    public UUID applicantId;

    @Column(nullable = false, updatable = false)
    public String field;

    @Column(name = "old_value", nullable = false, updatable = false)
    public String oldValue;

    @Column(name = "new_value", nullable = false, updatable = false)
    public String newValue;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "corrected_by", nullable = false, updatable = false)
    public String correctedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "corrected_by_role", nullable = false, updatable = false)
    public Party correctedByRole;

    @Column(name = "assisted_by", updatable = false)
    public String assistedBy;

    @Column(name = "corrected_at", nullable = false, updatable = false)
    public Instant correctedAt;
}
