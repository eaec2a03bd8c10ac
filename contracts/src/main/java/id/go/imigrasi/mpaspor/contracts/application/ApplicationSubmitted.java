package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** The applicant confirmed the summary; billing issues the bill, quota keeps the referenced hold. */
@EventType(service = "application", name = "ApplicationSubmitted")
public record ApplicationSubmitted(String applicationId, String accountId, String holdId, String officeCode,
        List<SubmittedApplicant> applicants, Instant submittedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
