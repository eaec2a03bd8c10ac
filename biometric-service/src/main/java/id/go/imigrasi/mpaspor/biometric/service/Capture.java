package id.go.imigrasi.mpaspor.biometric.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.biometric.BiometricProblem;
import id.go.imigrasi.mpaspor.biometric.domain.Appointment;
import id.go.imigrasi.mpaspor.biometric.domain.AppointmentStatus;
import id.go.imigrasi.mpaspor.biometric.domain.CaptureRules;
import id.go.imigrasi.mpaspor.biometric.domain.DeskAction;
import id.go.imigrasi.mpaspor.biometric.domain.Finger;
import id.go.imigrasi.mpaspor.biometric.domain.FingerCapture;
import id.go.imigrasi.mpaspor.biometric.domain.FingerException;
import id.go.imigrasi.mpaspor.biometric.repository.FingerCaptureRepository;
import id.go.imigrasi.mpaspor.contracts.biometric.BiometricsCaptured;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * What the capture station posts after the interview verified the documents: face photo results (retaken until
 * one passes) and fingerprint attempts (each finger retried until it passes; after the maximum failed attempts
 * the station's further attempts are refused and the officer records an exception with a reason). When the
 * capture becomes complete (see {@link CaptureRules#complete}) the appointment is CAPTURED and BiometricsCaptured
 * is published, once.
 */
@ApplicationScoped
public class Capture {

    private static final Logger LOG = Logger.getLogger(Capture.class);
    private static final List<AppointmentStatus> CAPTURING = List.of(AppointmentStatus.INTERVIEWED);

    /** One finger attempt as the station reports it. */
    public record FingerAttempt(Finger finger, int score) {
    }

    private final Appointments access;
    private final FingerCaptureRepository fingers;
    private final Outbox outbox;
    private final Clock clock;
    private final OfficerActions actions;

    public Capture(Appointments access, FingerCaptureRepository fingers, Outbox outbox, Clock clock,
            OfficerActions actions) {
        this.actions = actions;
        this.access = access;
        this.fingers = fingers;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<AppointmentView> face(String id, int score, boolean icaoCompliant, Caller caller) {
        CaptureRules rules = access.rules();
        return access.act(id, caller, CAPTURING, a -> {
            if (a.facePassed) {
                throw ProblemException.of(BiometricProblem.WRONG_STEP, "FACE_PASSED", "FACE_PENDING");
            }
            a.faceAttempts++;
            a.faceScore = score;
            a.facePassed = rules.facePasses(score, icaoCompliant);
            return actions.record(a, caller.accountId(), DeskAction.FACE_CAPTURED,
                    score + (icaoCompliant ? " ICAO" : "") + " " + mark(a.facePassed) + " #" + a.faceAttempts)
                    .chain(() -> fingers.ofAppointment(a.id))
                    .chain(all -> completeIfDone(a, all, caller.accountId()));
        });
    }

    /** All attempts of one post are recorded, or none (one refused finger refuses the post). */
    public Uni<AppointmentView> fingers(String id, List<FingerAttempt> attempts, Caller caller) {
        CaptureRules rules = access.rules();
        return access.act(id, caller, CAPTURING, a -> fingers.ofAppointment(a.id).chain(existing -> {
            Map<Finger, FingerCapture> byFinger = new EnumMap<>(Finger.class);
            existing.forEach(f -> byFinger.put(f.finger, f));
            Instant now = now();
            Uni<Void> chain = Uni.createFrom().voidItem();
            List<String> detail = new ArrayList<>();
            for (FingerAttempt attempt : attempts) {
                FingerCapture c = byFinger.get(attempt.finger());
                if (c != null && c.done()) {
                    throw ProblemException.of(BiometricProblem.FINGER_ALREADY_DONE, attempt.finger().name());
                }
                if (c != null && !rules.acceptsAttempt(c)) {
                    throw ProblemException.of(BiometricProblem.FINGER_EXCEPTION_REQUIRED, attempt.finger().name(),
                            rules.maxFingerAttempts());
                }
                boolean created = c == null;
                FingerCapture capture = created ? FingerCapture.of(a.id, attempt.finger()) : c;
                byFinger.put(attempt.finger(), capture);
                capture.attempts++;
                capture.bestScore = capture.bestScore == null ? attempt.score()
                        : Math.max(capture.bestScore, attempt.score());
                capture.passed = rules.fingerPasses(attempt.score());
                capture.updatedAt = now;
                detail.add(attempt.finger().name() + " " + attempt.score() + " " + mark(capture.passed) + " #"
                        + capture.attempts);
                if (created) {
                    chain = chain.chain(() -> fingers.persist(capture)).replaceWithVoid();
                }
            }
            return chain.chain(() -> actions.record(a, caller.accountId(), DeskAction.FINGERS_CAPTURED,
                    String.join(", ", detail)))
                    .chain(() -> completeIfDone(a, List.copyOf(byFinger.values()), caller.accountId()));
        }));
    }

    public Uni<AppointmentView> exception(String id, Finger finger, FingerException kind, String reason,
            Caller caller) {
        CaptureRules rules = access.rules();
        return access.act(id, caller, CAPTURING, a -> fingers.ofAppointment(a.id).chain(existing -> {
            FingerCapture c = existing.stream().filter(f -> f.finger == finger).findFirst().orElse(null);
            if (c != null && c.done()) {
                throw ProblemException.of(BiometricProblem.FINGER_ALREADY_DONE, finger.name());
            }
            if (!rules.acceptsException(c, kind)) {
                throw ProblemException.of(BiometricProblem.FINGER_EXCEPTION_TOO_EARLY, finger.name(),
                        rules.maxFingerAttempts());
            }
            FingerCapture capture = c == null ? FingerCapture.of(a.id, finger) : c;
            capture.exceptionKind = kind;
            capture.exceptionReason = reason.strip();
            capture.updatedAt = now();
            List<FingerCapture> all = new ArrayList<>(existing);
            Uni<Void> persisted = Uni.createFrom().voidItem();
            if (c == null) {
                all.add(capture);
                persisted = fingers.persist(capture).replaceWithVoid();
            }
            // the finger and the kind only: the officer's words may describe the person's body
            return persisted.chain(() -> actions.record(a, caller.accountId(), DeskAction.FINGER_EXCEPTION,
                    finger.name() + " " + kind.name()))
                    .chain(() -> completeIfDone(a, all, caller.accountId()));
        }));
    }

    /** The capture complete: BiometricsCaptured, with the officer whose action completed it. */
    private Uni<Void> completeIfDone(Appointment a, List<FingerCapture> all, String officer) {
        if (!access.rules().complete(a.facePassed, all)) {
            return Uni.createFrom().voidItem();
        }
        a.status = AppointmentStatus.CAPTURED;
        a.capturedAt = now();
        List<String> exceptions = all.stream().filter(f -> f.exceptionKind != null)
                .sorted(Comparator.comparing(f -> f.finger))
                .map(f -> f.finger.name() + ":" + f.exceptionKind.name()).toList();
        int captured = (int) all.stream().filter(f -> f.passed).count();
        return outbox.append(new BiometricsCaptured(a.id.toString(), a.applicationId, a.applicantId, a.faceScore,
                captured, exceptions, officer, a.capturedAt))
                .invoke(() -> LOG.infof("appointment %s: capture complete (%d fingers, exceptions %s)", a.id, captured,
                        exceptions))
                .replaceWithVoid();
    }

    private static String mark(boolean passed) {
        return passed ? "✓" : "✗";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
