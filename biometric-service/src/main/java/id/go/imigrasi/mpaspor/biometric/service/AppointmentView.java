package id.go.imigrasi.mpaspor.biometric.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import id.go.imigrasi.mpaspor.biometric.domain.Appointment;
import id.go.imigrasi.mpaspor.biometric.domain.CaptureRules;
import id.go.imigrasi.mpaspor.biometric.domain.Finger;
import id.go.imigrasi.mpaspor.biometric.domain.FingerCapture;

/** An appointment as the applicant and the officer see it. */
public record AppointmentView(String id, String applicationId, String applicantId, String fullName,
        String passportKind, int validityYears, String officeCode, LocalDate date, String session,
        String bookingCode, String status, Instant checkedInAt, Interview interview, Capture capture,
        Decision decision, Handover handover) {

    public record Interview(String outcome, String reason, Instant at) {
    }

    public record Face(int attempts, Integer score, boolean passed) {
    }

    public record FingerView(String finger, String state, int attempts, Integer score, String exception,
            String exceptionReason) {
    }

    public record Capture(Face face, List<FingerView> fingers, boolean complete, Instant completedAt) {
    }

    public record Decision(String passportNumber, LocalDate expectedReadyDate, String reason, Instant at,
            Instant issuedAt, Instant collectBefore) {
    }

    public record Handover(String method, String trackingNumber, String posStatus, String collectedBy,
            String collectorName, Instant at) {
    }

    /**
     * As a list shows it (the office's day, the desk search): everything but the biometric results ({@code capture}
     * is null), which only the one appointment's read gives, and records (issue 23, {@link ResultsReads}).
     */
    public static AppointmentView listed(Appointment a, CaptureRules rules) {
        AppointmentView full = of(a, List.of(), rules);
        return new AppointmentView(full.id(), full.applicationId(), full.applicantId(), full.fullName(),
                full.passportKind(), full.validityYears(), full.officeCode(), full.date(), full.session(),
                full.bookingCode(), full.status(), full.checkedInAt(), full.interview(), null, full.decision(),
                full.handover());
    }

    public static AppointmentView of(Appointment a, List<FingerCapture> fingers, CaptureRules rules) {
        Map<Finger, FingerCapture> byFinger = new EnumMap<>(Finger.class);
        fingers.forEach(f -> byFinger.put(f.finger, f));
        List<FingerView> fingerViews = Arrays.stream(Finger.values()).map(finger -> {
            FingerCapture c = byFinger.get(finger);
            return new FingerView(finger.name(), rules.state(c).name(), c == null ? 0 : c.attempts,
                    c == null ? null : c.bestScore, c == null || c.exceptionKind == null ? null : c.exceptionKind.name(),
                    c == null ? null : c.exceptionReason);
        }).toList();
        Capture capture = new Capture(new Face(a.faceAttempts, a.faceScore, a.facePassed), fingerViews,
                rules.complete(a.facePassed, fingers), a.capturedAt);
        Interview interview = a.interviewOutcome == null ? null
                : new Interview(a.interviewOutcome, a.interviewReason, a.interviewedAt);
        Decision decision = a.decidedAt == null ? null
                : new Decision(a.passportNumber, a.expectedReadyDate, a.decisionReason, a.decidedAt, a.issuedAt,
                        a.collectBefore);
        Handover handover = a.handoverMethod == null ? null
                : new Handover(a.handoverMethod, a.trackingNumber, a.posStatus, a.collectedBy, a.collectorName,
                        a.handedOverAt);
        return new AppointmentView(a.id.toString(), a.applicationId, a.applicantId, a.fullName, a.passportKind,
                a.validityYears, a.officeCode, a.date, a.session, a.bookingCode, a.status.name(), a.checkedInAt,
                interview, capture, decision, handover);
    }
}
