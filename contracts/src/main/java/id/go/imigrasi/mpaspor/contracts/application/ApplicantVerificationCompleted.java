package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The background re-check reached Dukcapil for an applicant that was "verification pending" (Dukcapil had been
 * slow or down when the applicant was entered). {@code result}: VERIFIED, NOT_REGISTERED (the NIK is unknown) or
 * MISMATCH (other data registered for the NIK); the last two block submission until the applicant is corrected.
 */
@EventType(service = "application", name = "ApplicantVerificationCompleted")
public record ApplicantVerificationCompleted(String applicationId, String applicantId, String result, int attempts,
        Instant checkedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
