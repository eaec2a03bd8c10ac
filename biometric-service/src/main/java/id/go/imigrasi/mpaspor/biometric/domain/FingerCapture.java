package id.go.imigrasi.mpaspor.biometric.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One finger of one appointment: attempts so far, best NFIQ 2 score, passed, or the officer's exception. */
@Entity
@Table(name = "finger_capture")
public class FingerCapture {

    @Id
    public UUID id;

    @Column(name = "appointment_id", nullable = false, updatable = false)
    public UUID appointmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Finger finger;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "best_score")
    public Integer bestScore;

    @Column(nullable = false)
    public boolean passed;

    @Enumerated(EnumType.STRING)
    @Column(name = "exception_kind")
    public FingerException exceptionKind;

    @Column(name = "exception_reason")
    public String exceptionReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static FingerCapture of(UUID appointmentId, Finger finger) {
        FingerCapture c = new FingerCapture();
        c.id = UUID.randomUUID();
        c.appointmentId = appointmentId;
        c.finger = finger;
        return c;
    }

    /** Passed, or excused by an exception. */
    public boolean done() {
        return passed || exceptionKind != null;
    }
}
