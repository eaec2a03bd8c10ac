package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.Instant;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The capture is complete: the face photo passed and every finger passed or has an exception. {@code
 * fingerExceptions} lists {@code FINGER:KIND} (e.g. {@code LEFT_INDEX:INJURED}); the images stay at the office.
 * {@code officerId}: the officer whose action completed it (null in events older than 2026-12-05).
 */
@EventType(service = "biometric", name = "BiometricsCaptured")
public record BiometricsCaptured(String appointmentId, String applicationId, String applicantId, int faceScore,
        int fingersCaptured, List<String> fingerExceptions, String officerId, Instant capturedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
