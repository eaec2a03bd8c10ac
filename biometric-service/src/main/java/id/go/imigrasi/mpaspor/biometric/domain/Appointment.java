package id.go.imigrasi.mpaspor.biometric.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One applicant's office visit and what follows it, up to the passport in the holder's hands (V1__biometric.sql). */
@Entity
@Table(name = "appointment")
public class Appointment {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false, updatable = false)
    public String applicationId;

    @Column(name = "applicant_id", nullable = false, updatable = false)
    public String applicantId;

    /** The owner: the account that submitted the application. */
    @Column(name = "account_id", nullable = false, updatable = false)
    public String accountId;

    @Column(name = "full_name", nullable = false, updatable = false)
    public String fullName;

    /** The booked NIK: the original e-KTP shown at check-in must carry it. */
    @Column(nullable = false, updatable = false, columnDefinition = "bpchar(16)")
    public String nik;

    /** ORDINARY or ELECTRONIC. */
    @Column(name = "passport_kind", nullable = false, updatable = false)
    public String passportKind;

    @Column(name = "validity_years", nullable = false, updatable = false)
    public int validityYears;

    /** REGULAR or SAME_DAY: the line the slot was booked and paid on (HoldConfirmed). */
    @Column(nullable = false, updatable = false)
    public String service = "REGULAR";

    /** When the booking was paid (its confirmation arrived): a same-day approval's ready date depends on it. */
    @Column(name = "paid_at", updatable = false)
    public Instant paidAt;

    @Column(name = "office_code", nullable = false, updatable = false)
    public String officeCode;

    @Column(nullable = false)
    public LocalDate date;

    public String session;

    @Column(name = "booking_code", nullable = false, updatable = false, columnDefinition = "bpchar(8)")
    public String bookingCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "checked_in_at")
    public Instant checkedInAt;

    @Column(name = "checked_in_by")
    public String checkedInBy;

    @Column(name = "interview_outcome")
    public String interviewOutcome;

    @Column(name = "interview_reason")
    public String interviewReason;

    @Column(name = "interviewed_at")
    public Instant interviewedAt;

    @Column(name = "interviewed_by")
    public String interviewedBy;

    @Column(name = "face_attempts", nullable = false)
    public int faceAttempts;

    @Column(name = "face_score")
    public Integer faceScore;

    @Column(name = "face_passed", nullable = false)
    public boolean facePassed;

    @Column(name = "captured_at")
    public Instant capturedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "passport_number", columnDefinition = "bpchar(8)")
    public String passportNumber;

    @Column(name = "expected_ready_date")
    public LocalDate expectedReadyDate;

    @Column(name = "issued_at")
    public Instant issuedAt;

    /** Issued passports not collected (nor handed to Pos) by then are cancelled. */
    @Column(name = "collect_before")
    public Instant collectBefore;

    /** PICKUP or POS. */
    @Column(name = "handover_method")
    public String handoverMethod;

    @Column(name = "tracking_number")
    public String trackingNumber;

    @Column(name = "pos_status")
    public String posStatus;

    /** APPLICANT or FAMILY_MEMBER. */
    @Column(name = "collected_by")
    public String collectedBy;

    @Column(name = "collector_name")
    public String collectorName;

    @Column(name = "collector_nik", columnDefinition = "bpchar(16)")
    public String collectorNik;

    @Column(name = "family_card_number", columnDefinition = "bpchar(16)")
    public String familyCardNumber;

    @Column(name = "handed_over_at")
    public Instant handedOverAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** When the retention job anonymised it (name and NIKs; service.Retention); written only by that job's SQL. */
    @Column(name = "anonymised_at", insertable = false, updatable = false)
    public Instant anonymisedAt;
}
