package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * An officer opened an applicant's biometric results (face and finger match scores, exceptions) at the desk: recorded
 * once per officer, appointment and day, the first time (issue 23, read audit). application-service puts it on the
 * application's timeline, where the owner sees which office read it and when. Key: the application id.
 */
@EventType(service = "biometric", name = "BiometricResultsRead", description = "An officer opened an applicant's"
        + " biometric results (match scores, exceptions) at the desk; recorded once per officer, appointment and day."
        + " application-service shows it on the owner's timeline. Key: the application id.")
public record BiometricResultsRead(String appointmentId, String applicationId, String applicantId, String officerId,
        String officeCode, Instant readAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
