package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * After submission, an applicant's data was corrected (issue 22): which fields ({@code address}, {@code phone},
 * {@code travelPurpose}), by whom ({@code correctedByRole}: APPLICANT, OFFICER or ADMIN) and when. Never the values:
 * they are personal data, kept with the audit row in application-service.
 */
@EventType(service = "application", name = "ApplicantDataCorrected")
public record ApplicantDataCorrected(String applicationId, String applicantId, List<String> fields,
        String correctedBy, String correctedByRole, Instant correctedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
