package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * An officer opened one of an applicant's documents at the desk: allowed only for an applicant checked in at the
 * officer's own office today, and recorded (this event, in the same transaction as the decision to serve it) before a
 * byte is sent. The audit trail of who saw whose documents, when.
 */
@EventType(service = "application", name = "ApplicantDocumentRead")
public record ApplicantDocumentRead(String applicationId, String applicantId, String documentType, String uploadId,
        String officerId, String officeCode, Instant readAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
